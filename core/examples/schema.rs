//! Writes the JSON Schemas of servex's documents and results (`servex::schema::all`)
//! into a directory, `docs/schema` by default:
//! `cargo run -p servex --features schema --example schema -- docs/schema`.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "docs/schema".into()));
    std::fs::create_dir_all(&dir)?;
    for file in servex::schema::all() {
        let text = servex::schema::to_text(&file.schema);
        std::fs::write(dir.join(file.name), text)?;
        println!("{}", dir.join(file.name).display());
    }
    Ok(())
}
