//! The pest parser generated from `grammar/rectplan.pest`. Nothing outside
//! `parse` sees its types.

#![allow(clippy::pedantic)]

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rectplan.pest"]
pub(crate) struct RectParser;
