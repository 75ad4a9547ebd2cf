pub mod diagnostic;
pub mod model;
pub mod parse;
pub mod source;
pub mod span;
pub mod suggest;
