//! Parameters other sites add to a link: campaign tags, click ids, an embedding host's own.
//! They are not Tally's settings, so the page ignores them without a notice.

/// Names, in lower case, each followed by a space; one ending in `*` stands for every name it
/// begins. One string, not a list of strings: a smaller wasm. The rewritten address leaves them
/// out: Tally runs no analytics that would read them, and a reader who shares the page should not
/// pass on someone else's campaign.
const FOREIGN: &str = concat!(
    // Campaign tags: Google Analytics, Matomo, HubSpot, Adobe, Mailchimp, Marketo.
    "utm_* pk_* mtm_* hsa_* _hsenc _hsmi s_cid mc_cid mc_eid mkt_tok cmpid ",
    // Click and share ids: Google, Microsoft, Meta, Instagram, Yandex, X, TikTok, LinkedIn.
    "gclid gclsrc dclid gbraid wbraid msclkid fbclid igshid igsh yclid twclid ttclid li_fat_id srsltid _ga _gl ",
    "ref ref_src ref_url ",
    // Pym.js's own parameters, sent by every Pym parent (the child id is read: `childId`).
    "initialwidth parenttitle parenturl ",
);

/// Whether `key` (decoded) is one of the parameters other sites add to links.
pub fn is_foreign(key: &str) -> bool {
    FOREIGN.split_terminator(' ').any(|name| match name.strip_suffix('*') {
        Some(prefix) => key
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix)),
        None => key.eq_ignore_ascii_case(name),
    })
}

#[cfg(test)]
mod tests {
    use crate::model::Query;

    #[test]
    fn other_sites_parameters_pass_without_a_word_and_leave_the_address() {
        let silent = [
            "?utm_source=newsletter&utm_medium=email&utm_campaign=primaries&utm_content=x&utm_term=y&utm_id=1",
            "?UTM_Source=x&fbclid=IwAR0abc&gclid=Cj0K&dclid=1&gbraid=2&wbraid=3&msclkid=4",
            "?mc_cid=5&mc_eid=6&igshid=7&igsh=8&ref=homepage&ref_src=twsrc&_ga=2.1&_gl=1*abc",
            "?yclid=9&twclid=10&ttclid=11&s_cid=12&pk_campaign=a&mtm_source=b&hsa_acc=c&_hsenc=d",
            "?initialWidth=600&parentTitle=T&parentUrl=https%3A%2F%2Fexample.org%2F",
            "?utm_source=a&utm_source=b",
        ];
        for search in silent {
            let (query, notices) = Query::parse(&format!("{search}&party=D"));
            assert_eq!(notices, Vec::<String>::new(), "{search}");
            assert_eq!(query.to_search(), "?party=D", "{search}: dropped from the address");
        }
        // Near misses are still unknown settings, said so.
        for search in ["?utm=1", "?gclid2=1", "?reference=1", "?xutm_source=1", "?_gax=1"] {
            let (_, notices) = Query::parse(search);
            assert!(
                notices.len() == 1 && notices[0].ends_with("Tally has no such setting."),
                "{search}: {notices:?}"
            );
        }
    }
}
