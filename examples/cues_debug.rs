//! Debug helper: prints the meeting cues found in each sentence of a text given on stdin (lang as arg).
use dossier::core::meetings::cues_in;
use dossier::core::Doc;
use std::io::Read;
fn main() {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "en".into());
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let doc = Doc::new(&text, &lang, None);
    for s in &doc.sentences {
        let cues = cues_in(&doc, &lang, *s);
        if !cues.is_empty() {
            println!("{}", s.slice(&text));
            for c in cues {
                println!("   {:?} {:?}", c.kind, c.span.slice(&text));
            }
        }
    }
}
