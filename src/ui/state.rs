//! The app's reducer is the page's own transition function (`crate::app_state`).

use std::rc::Rc;

use yew::Reducible;

pub use crate::app_state::*;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.after(action)
    }
}
