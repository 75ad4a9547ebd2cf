//! The integration tests, in one binary (one link instead of one per file):
//! each module runs the real `rectlint` binary (through `common::Run`) or
//! the library on the fixtures under `tests/fixtures/`.

mod baseline;
mod ci;
mod cli;
mod common;
mod config;
mod docs;
mod evidence;
mod fixed;
mod fixes;
mod fmt;
mod formats;
mod gate;
mod hostile_files;
mod language;
mod layers;
mod library;
mod meta;
mod output;
mod properties;
mod redaction;
mod reviewer;
mod robustness;
mod rule_examples;
mod rules;
mod walk;
