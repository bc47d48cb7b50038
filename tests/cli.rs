//! The command line of issue 2, driven through the binary: formats, directory mirroring with
//! `.gz` inputs, stdin, `-o FILE`, exit codes, `--explain`, `--jobs 1`, `--input-format`.

mod common;

use common::{article, gleaner, gzip, no_article, put};
use predicates::prelude::*;

fn one_page() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "story.html", article(1).as_bytes());
    let path = dir.path().join("story.html");
    (dir, path)
}

#[test]
fn text_is_the_default_format() {
    let (_dir, page) = one_page();
    gleaner()
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::contains("BODY_TEXT 1"))
        .stdout(predicate::str::contains("MENU_TEXT").not())
        .stdout(predicate::str::contains("FOOTER_TEXT").not());
}

#[test]
fn markdown_format() {
    let (_dir, page) = one_page();
    gleaner()
        .args(["-f", "markdown"])
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::contains("# Story number 1"))
        .stdout(predicate::str::contains(
            "BODY\\_TEXT 1: the harbour council",
        ));
}

#[test]
fn html_format() {
    let (_dir, page) = one_page();
    gleaner()
        .args(["--format", "html"])
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::contains("<p>BODY_TEXT 1"));
}

#[test]
fn json_format_has_the_documented_keys() {
    let (_dir, page) = one_page();
    let output = gleaner()
        .args(["-f", "json", "--url", "https://example.com/story"])
        .arg(&page)
        .output()
        .expect("run");
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    for key in ["text", "title", "url", "blocks"] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["url"], "https://example.com/story");
    assert!(
        value["text"]
            .as_str()
            .expect("text")
            .contains("BODY_TEXT 1")
    );
}

#[test]
fn jsonl_format_is_one_line_per_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "a.html", article(1).as_bytes());
    put(dir.path(), "b.html", article(2).as_bytes());
    let output = gleaner()
        .args(["-f", "jsonl"])
        .arg(dir.path().join("a.html"))
        .arg(dir.path().join("b.html"))
        .output()
        .expect("run");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, n) in lines.iter().zip([1, 2]) {
        let value: serde_json::Value = serde_json::from_str(line).expect("json");
        assert!(
            value["text"]
                .as_str()
                .expect("text")
                .contains(&format!("BODY_TEXT {n}"))
        );
        assert!(value["input"].as_str().expect("input").ends_with(".html"));
    }
}

#[test]
fn directories_are_mirrored_and_gz_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    put(&pages, "a/b.html.gz", &gzip(article(1).as_bytes()));
    put(&pages, "c.htm", article(2).as_bytes());
    put(&pages, "notes.png", b"not a page");
    let out = dir.path().join("out");
    gleaner()
        .arg(&pages)
        .args(["-f", "json", "-o"])
        .arg(&out)
        .assert()
        .success();
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("a/b.json")).expect("a/b.json"))
            .expect("json");
    assert!(b["text"].as_str().expect("text").contains("BODY_TEXT 1"));
    assert!(out.join("c.json").exists());
    assert!(!out.join("notes.json").exists());
    assert!(out.join("gleaner-manifest.jsonl").exists());
}

#[test]
fn gzip_files_are_read_transparently() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "story.html.gz", &gzip(article(7).as_bytes()));
    gleaner()
        .arg(dir.path().join("story.html.gz"))
        .assert()
        .success()
        .stdout(predicate::str::contains("BODY_TEXT 7"));
}

#[test]
fn standard_input_is_read_from_dash() {
    gleaner()
        .arg("-")
        .write_stdin(article(3))
        .assert()
        .success()
        .stdout(predicate::str::contains("BODY_TEXT 3"));
}

#[test]
fn output_to_one_file() {
    let (dir, page) = one_page();
    let out = dir.path().join("story.txt");
    gleaner()
        .arg(&page)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&out).expect("output");
    assert!(text.contains("BODY_TEXT 1"));
}

#[test]
fn exit_1_names_the_page_without_an_article_and_writes_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    put(&pages, "good.html", article(1).as_bytes());
    put(&pages, "empty-index.html", no_article().as_bytes());
    let out = dir.path().join("out");
    let output = gleaner()
        .arg(&pages)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let named: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("empty-index.html"))
        .collect();
    assert_eq!(named.len(), 1, "{stderr}");
    assert!(named[0].contains("no article"), "{stderr}");
    assert!(out.join("good.txt").exists());
}

#[test]
fn exit_1_for_a_missing_file() {
    gleaner()
        .arg("/no/such/page.html")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/no/such/page.html"));
}

#[test]
fn exit_2_for_usage_errors() {
    gleaner().arg("--no-such-flag").assert().code(2);
    gleaner().args(["--jobs", "0", "x.html"]).assert().code(2);
    gleaner().args(["-f", "yaml", "x.html"]).assert().code(2);
    gleaner().assert().code(2);
}

#[test]
fn explain_prints_dropped_blocks_with_their_rule_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = article(1).replace(
        "</article>",
        "<p class=\"ad\">Advertisement</p><div class=\"related\"><h3>Related stories</h3>\
         <ul><li><a href=\"/x\">RELATED_TEXT one</a></li><li><a href=\"/y\">Two</a></li></ul>\
         </div></article>",
    );
    put(dir.path(), "story.html", page.as_bytes());
    gleaner()
        .arg("--explain")
        .arg(dir.path().join("story.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains("RELATED_TEXT").not())
        .stderr(predicate::str::contains("story.html: dropped ["));
}

#[test]
fn jobs_1_gives_the_same_output_as_many_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..20 {
        put(dir.path(), &format!("p{n:02}.html"), article(n).as_bytes());
    }
    let run = |jobs: &str| {
        gleaner()
            .args(["-f", "jsonl", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .expect("run")
            .stdout
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one).lines().count(), 20);
    assert_eq!(one, run("4"));
}

#[test]
fn input_format_text_keeps_markup_as_text() {
    let page = "A saved page\n\n<b>Literally</b> this BODY_TEXT line was saved as text, with \
                enough words in it to count as a paragraph of an article body here.\n";
    gleaner()
        .args(["--input-format", "text", "-"])
        .write_stdin(page)
        .assert()
        .success()
        .stdout(predicate::str::contains("BODY_TEXT"))
        .stdout(predicate::str::contains("<b>Literally</b>"));
}
