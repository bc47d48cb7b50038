//! Batch processing through the binary: walking, order, manifest, resume, kill-and-resume,
//! limits, the `--stdin-jsonl` worker protocol.

mod common;

use common::{article, gleaner, lines, no_article, put, tree};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

fn manifest(out: &Path) -> Vec<Value> {
    lines(&std::fs::read(out.join("gleaner-manifest.jsonl")).expect("manifest"))
}

/// The last manifest entry per input, without timing fields.
fn final_entries(out: &Path) -> BTreeMap<String, Value> {
    let mut entries = BTreeMap::new();
    for mut entry in manifest(out) {
        if entry.get("summary").is_some() {
            continue;
        }
        if let Some(object) = entry.as_object_mut() {
            object.remove("ms");
        }
        entries.insert(entry["input"].as_str().expect("input").to_string(), entry);
    }
    entries
}

fn pages(root: &Path, count: usize) {
    for n in 0..count {
        let page = if n % 10 == 9 {
            no_article()
        } else {
            article(n)
        };
        put(root, &format!("d{}/p{n:04}.html", n % 7), page.as_bytes());
    }
}

#[test]
fn jsonl_keeps_input_order_with_many_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..60 {
        put(dir.path(), &format!("p{n:03}.html"), article(n).as_bytes());
    }
    let output = gleaner()
        .args(["-f", "jsonl", "--jobs", "4"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(output.status.success());
    let results = lines(&output.stdout);
    assert_eq!(results.len(), 60);
    for (n, value) in results.iter().enumerate() {
        assert!(
            value["input"]
                .as_str()
                .expect("input")
                .ends_with(&format!("p{n:03}.html"))
        );
        assert!(
            value["text"]
                .as_str()
                .expect("text")
                .contains(&format!("BODY_TEXT {n}:"))
        );
    }
}

#[test]
fn jsonl_goes_to_one_file_with_o() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    for n in 0..5 {
        put(&pages, &format!("p{n}.html"), article(n).as_bytes());
    }
    let out = dir.path().join("all.jsonl");
    gleaner()
        .args(["-f", "jsonl", "-o"])
        .arg(&out)
        .arg(&pages)
        .assert()
        .success();
    assert_eq!(lines(&std::fs::read(&out).expect("out")).len(), 5);
}

#[test]
fn hidden_files_are_skipped_unless_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "seen.html", article(1).as_bytes());
    put(dir.path(), ".hidden.html", article(2).as_bytes());
    put(dir.path(), ".git/x.html", article(3).as_bytes());
    let run = |hidden: bool| {
        let mut command = gleaner();
        command.args(["-f", "jsonl"]);
        if hidden {
            command.arg("--hidden");
        }
        lines(&command.arg(dir.path()).output().expect("run").stdout).len()
    };
    assert_eq!(run(false), 1);
    assert_eq!(run(true), 3);
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang_the_walk() {
    let dir = tempfile::tempdir().expect("tempdir");
    put(dir.path(), "a/page.html", article(1).as_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).expect("symlink");
    let output = gleaner()
        .args(["-f", "jsonl"])
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(lines(&output.stdout).len(), 1);
}

#[test]
fn the_manifest_records_every_input_and_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    put(&pages, "a.html", article(1).as_bytes());
    put(&pages, "b.html", no_article().as_bytes());
    put(
        &pages,
        "c.html",
        format!("{}{}", article(3), " ".repeat(5000)).as_bytes(),
    );
    let out = dir.path().join("out");
    gleaner()
        .arg(&pages)
        .args(["--max-size", "4k", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let entries = manifest(&out);
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["status"], "ok");
    assert!(
        entries[0]["output"]
            .as_str()
            .expect("output")
            .ends_with("a.txt")
    );
    assert!(entries[0]["bytes_in"].as_u64().expect("in") > 0);
    assert!(entries[0]["bytes_out"].as_u64().expect("out") > 0);
    assert!(entries[0]["ms"].is_u64());
    assert_eq!(entries[1]["status"], "no-article");
    assert!(
        entries[1]["error"]
            .as_str()
            .expect("error")
            .contains("no article")
    );
    assert_eq!(entries[2]["status"], "skipped");
    assert!(
        entries[2]["error"]
            .as_str()
            .expect("error")
            .contains("--max-size")
    );
    assert!(!out.join("c.txt").exists());
    assert_eq!(entries[3]["summary"], true);
    assert_eq!(entries[3]["done"], 1);
    assert_eq!(entries[3]["failed"], 2);
    assert!(entries[3]["pages_per_second"].is_number());
}

#[test]
fn a_rerun_skips_finished_inputs_and_force_redoes_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    for n in 0..6 {
        put(&pages, &format!("p{n}.html"), article(n).as_bytes());
    }
    let out = dir.path().join("out");
    let run = |force: bool| {
        let mut command = gleaner();
        command.arg(&pages).arg("-o").arg(&out);
        if force {
            command.arg("--force");
        }
        command.assert().success();
        manifest(&out).last().cloned().expect("summary")
    };
    assert_eq!(run(false)["done"], 6);
    std::fs::remove_file(out.join("p2.txt")).expect("remove");
    let again = run(false);
    assert_eq!(again["done"], 1);
    assert_eq!(again["already_done"], 5);
    assert!(out.join("p2.txt").exists());
    let forced = run(true);
    assert_eq!(forced["done"], 6);
    assert_eq!(forced["already_done"], 0);
}

#[test]
fn killed_and_resumed_gives_the_same_tree_as_an_uninterrupted_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("pages");
    pages(&input, 400);
    let whole = dir.path().join("whole");
    gleaner()
        .arg(&input)
        .args(["-f", "json", "--jobs", "2", "-o"])
        .arg(&whole)
        .assert()
        .code(1);

    let resumed = dir.path().join("resumed");
    let binary = assert_cmd::cargo::cargo_bin("gleaner");
    let mut child = std::process::Command::new(&binary)
        .arg(&input)
        .args(["-f", "json", "--jobs", "2", "-q", "-o"])
        .arg(&resumed)
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    let mut killed_early = false;
    loop {
        let written = std::fs::read_dir(resumed.join("d0")).map_or(0, |d| d.count());
        if written >= 10 {
            child.kill().expect("SIGKILL");
            killed_early = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() || started.elapsed() > Duration::from_secs(120)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.wait();
    assert!(killed_early, "the run ended before it could be killed");
    let partial = tree(&resumed).len();
    gleaner()
        .arg(&input)
        .args(["-f", "json", "--jobs", "2", "-o"])
        .arg(&resumed)
        .assert()
        .code(1);

    let mut expected = tree(&whole);
    let mut got = tree(&resumed);
    assert!(
        partial < got.len(),
        "the kill came too late to test anything"
    );
    expected.remove("gleaner-manifest.jsonl");
    got.remove("gleaner-manifest.jsonl");
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        got.keys().collect::<Vec<_>>(),
        "same files (and no temporary files left)"
    );
    assert!(expected == got, "same bytes in every output file");
    let whole_entries: BTreeMap<String, Value> = final_entries(&whole)
        .into_iter()
        .map(|(k, v)| (k.replace("/whole/", "/OUT/"), normalise(v, "/whole/")))
        .collect();
    let resumed_entries: BTreeMap<String, Value> = final_entries(&resumed)
        .into_iter()
        .map(|(k, v)| (k.replace("/resumed/", "/OUT/"), normalise(v, "/resumed/")))
        .collect();
    assert_eq!(whole_entries.len(), 400);
    assert_eq!(whole_entries, resumed_entries);
}

/// Replaces the output directory's name in an entry's `output`.
fn normalise(mut entry: Value, out: &str) -> Value {
    if let Some(output) = entry.get("output").and_then(Value::as_str) {
        let output = output.replace(out, "/OUT/");
        entry["output"] = Value::from(output);
    }
    entry
}

#[test]
fn a_slow_page_is_given_up_after_the_time_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    let paragraph = "<p>SLOW_TEXT words in a very long article that goes on and on about the \
                     harbour and the ferry and the council and its budget for the year.</p>";
    let slow = format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat(120_000)
    );
    put(&pages, "a-slow.html", slow.as_bytes());
    put(&pages, "b-fast.html", article(2).as_bytes());
    let started = Instant::now();
    let output = gleaner()
        .arg(&pages)
        .args([
            "-f",
            "jsonl",
            "--jobs",
            "1",
            "--max-size",
            "100MB",
            "--time-budget",
            "1",
        ])
        .output()
        .expect("run");
    let elapsed = started.elapsed();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a-slow.html: gave up after the time budget"),
        "{stderr}"
    );
    let results = lines(&output.stdout);
    assert_eq!(results.len(), 1);
    assert!(
        results[0]["text"]
            .as_str()
            .expect("text")
            .contains("BODY_TEXT 2")
    );
    eprintln!("time budget test took {elapsed:?}");
}

#[test]
fn stdin_jsonl_answers_every_line_in_order() {
    let input = format!(
        "{}\n{}\nnot json\n{}\n{}\n",
        serde_json::json!({"id": "a", "url": "https://example.com/a", "html": article(1)}),
        serde_json::json!({"id": 2, "text": "A saved page.\n\nBODY_TEXT of a page saved as text, long enough to count as an article body for sure."}),
        serde_json::json!({"url": "https://example.com/empty", "html": no_article()}),
        serde_json::json!({"id": "z", "html": article(5)}),
    );
    let output = gleaner()
        .args(["--stdin-jsonl", "--jobs", "3"])
        .write_stdin(input)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let results = lines(&output.stdout);
    assert_eq!(results.len(), 5);
    assert_eq!(results[0]["status"], "ok");
    assert_eq!(results[0]["id"], "a");
    assert_eq!(results[0]["url"], "https://example.com/a");
    assert!(
        results[0]["text"]
            .as_str()
            .expect("text")
            .contains("BODY_TEXT 1")
    );
    assert_eq!(results[1]["status"], "ok");
    assert_eq!(results[1]["id"], 2);
    assert_eq!(results[2]["status"], "error");
    assert!(
        results[2]["error"]
            .as_str()
            .expect("error")
            .contains("JSON")
    );
    assert_eq!(results[3]["status"], "error");
    assert_eq!(results[3]["url"], "https://example.com/empty");
    assert!(
        results[3]["error"]
            .as_str()
            .expect("error")
            .contains("no article")
    );
    assert_eq!(results[4]["id"], "z");
    assert_eq!(results[4]["status"], "ok");
}

#[test]
fn stdin_jsonl_answers_each_line_before_the_next_arrives() {
    use std::io::{BufRead, BufReader, Write};
    let binary = assert_cmd::cargo::cargo_bin("gleaner");
    let mut child = std::process::Command::new(binary)
        .arg("--stdin-jsonl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    for n in 0..3 {
        let request = serde_json::json!({"id": n, "html": article(n)});
        writeln!(stdin, "{request}").expect("write");
        stdin.flush().expect("flush");
        let mut answer = String::new();
        stdout.read_line(&mut answer).expect("read");
        let value: Value = serde_json::from_str(&answer).expect("json");
        assert_eq!(value["id"], n);
    }
    drop(stdin);
    assert!(child.wait().expect("wait").success());
}

#[test]
fn quiet_runs_print_nothing_on_success() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..3 {
        put(dir.path(), &format!("p{n}.html"), article(n).as_bytes());
    }
    let out = tempfile::tempdir().expect("out");
    gleaner()
        .arg(dir.path())
        .arg("-q")
        .arg("-o")
        .arg(out.path())
        .assert()
        .success()
        .stderr("");
    gleaner()
        .arg(dir.path())
        .arg("-o")
        .arg(out.path())
        .arg("--force")
        .assert()
        .success()
        .stderr(predicates::str::contains("3 done, 0 failed"));
}

#[test]
fn plain_progress_lines_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..4 {
        put(dir.path(), &format!("p{n}.html"), article(n).as_bytes());
    }
    let out = tempfile::tempdir().expect("out");
    let assert = gleaner()
        .arg(dir.path())
        .args(["--progress-every", "0", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("/4 inputs, ") && stderr.contains(" pages/s, 0 errors"),
        "{stderr}"
    );
    // With the default interval a short run prints no progress line, only its summary.
    let out = tempfile::tempdir().expect("out");
    let assert = gleaner()
        .arg(dir.path())
        .arg("-o")
        .arg(out.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!stderr.contains("inputs, "), "{stderr}");
    assert!(stderr.contains("4 done, 0 failed"), "{stderr}");
}
