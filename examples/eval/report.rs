//! Printing results, peak memory, and checking floors.

use std::collections::BTreeMap;
use std::path::Path;

/// Peak resident memory of this process, from `/proc/self/status` (Linux only).
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Compares metrics with the floors file (`name = value` lines, `#` comments). Prints every
/// floor with its measured value; returns false when any metric is below its floor or missing.
pub fn check_floors(path: &Path, metrics: &BTreeMap<String, f64>) -> Result<bool, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut ok = true;
    println!("\nquality gate ({}):", path.display());
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (name, floor) = line
            .split_once('=')
            .and_then(|(n, v)| Some((n.trim(), v.trim().parse::<f64>().ok()?)))
            .ok_or(format!(
                "{}:{}: expected `name = number`",
                path.display(),
                number + 1
            ))?;
        match metrics.get(name) {
            Some(&value) if value + 1e-9 >= floor => {
                println!("  ok    {name:<32} {value:.4} >= {floor:.4}")
            }
            Some(&value) => {
                println!("  FAIL  {name:<32} {value:.4} <  {floor:.4}");
                ok = false;
            }
            None => {
                println!("  FAIL  {name:<32} not measured (floor {floor:.4})");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// Prints one body corpus's summary line.
pub fn body_line(set: &str, pages: usize, s: &super::metric::BodySummary) {
    println!(
        "{set:<14} pages {pages:>4}  P {:.4}  R {:.4}  F1 {:.4}  accuracy {:.4}",
        s.precision, s.recall, s.f1, s.accuracy
    );
}
