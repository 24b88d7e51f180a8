//! What a catalogue file declares: its message ids and the variables each message takes.
//! Used by the generator (one typed function per message) and by the catalogue tests (which
//! compare every language with English).

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Message id → the variables it uses (including those of the messages it references).
pub type Declared = BTreeMap<String, BTreeSet<String>>;

/// Parses `source` (the file `name`); the messages and their variables, or the parse errors.
pub fn declared(name: &str, source: &str) -> Result<Declared, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                let line = source[..e.pos.start.min(source.len())]
                    .lines()
                    .count()
                    .max(1);
                format!("{name}:{line}: {:?}", e.kind)
            })
            .collect();
        lines.join("\n")
    })?;
    let mut direct: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            let mut refs = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern(p, &mut vars, &mut refs);
            }
            for a in &m.attributes {
                pattern(&a.value, &mut vars, &mut refs);
            }
            if direct.insert(m.id.name.to_string(), (vars, refs)).is_some() {
                return Err(format!("{name}: message {} is defined twice", m.id.name));
            }
        }
    }
    let mut out = Declared::new();
    for id in direct.keys() {
        let mut vars = BTreeSet::new();
        let mut seen = BTreeSet::new();
        collect(id, &direct, &mut vars, &mut seen);
        out.insert(id.clone(), vars);
    }
    Ok(out)
}

type Direct = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn collect(id: &str, direct: &Direct, vars: &mut BTreeSet<String>, seen: &mut BTreeSet<String>) {
    if !seen.insert(id.to_string()) {
        return;
    }
    if let Some((v, r)) = direct.get(id) {
        vars.extend(v.iter().cloned());
        for other in r {
            collect(other, direct, vars, seen);
        }
    }
}

fn pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expr(expression, vars, refs);
        }
    }
}

fn expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, vars, refs);
            for v in variants {
                pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => inline(i, vars, refs),
    }
}

fn inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, vars, refs);
            }
            for a in &arguments.named {
                inline(&a.value, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr(expression, vars, refs),
        _ => {}
    }
}
