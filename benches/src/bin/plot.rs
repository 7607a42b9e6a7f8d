//! The scaling plot: instructions per input byte against article size,
//! log–log, one line per workload, from the CSV that `icount` writes.
//!
//! ```text
//! cargo run --release -p epitome-benches --bin icount          # measures, writes target/icount.csv
//! cargo run --release -p epitome-benches --bin plot            # writes benches/scaling.svg
//! cargo run --release -p epitome-benches --bin plot -- IN.csv OUT.svg
//! ```
//!
//! A flat line means the cost per byte does not grow with the article.

use std::collections::BTreeMap;
use std::process::ExitCode;

use epitome_benches::articles::{SIZES, size_label};
use epitome_benches::workloads::Workload;
use plotters::prelude::*;

/// (workload, bytes) → instructions per byte, for the synthetic sizes.
type Series = BTreeMap<&'static str, Vec<(f64, f64)>>;

fn read(csv: &str) -> Result<Series, String> {
    let text = std::fs::read_to_string(csv).map_err(|e| format!("{csv}: {e} (run the icount binary first)"))?;
    let labels: Vec<String> = SIZES.into_iter().map(size_label).collect();
    let mut out = Series::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [w, input, bytes, ins] = f.as_slice() else { return Err(format!("bad CSV line: {line}")) };
        if !labels.iter().any(|l| l == input) {
            continue;
        }
        let w = Workload::from_name(w).ok_or_else(|| format!("unknown workload {w}"))?;
        let bytes: f64 = bytes.parse().map_err(|_| format!("bad bytes in {line}"))?;
        let ins: f64 = ins.parse().map_err(|_| format!("bad instructions in {line}"))?;
        out.entry(w.name()).or_default().push((bytes, ins / bytes));
    }
    for v in out.values_mut() {
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    if out.is_empty() {
        return Err(format!("{csv}: no synthetic-size rows (run icount without --quick)"));
    }
    Ok(out)
}

fn draw(series: &Series, svg: &str) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::new(svg, (900, 560)).into_drawing_area();
    root.fill(&WHITE)?;
    let (mut lo, mut hi) = (f64::MAX, 0f64);
    for &(_, y) in series.values().flatten() {
        lo = lo.min(y);
        hi = hi.max(y);
    }
    let mut chart = ChartBuilder::on(&root)
        .caption("Instructions per input byte vs article size (callgrind, x86-64)", ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d((700f64..1.5e6).log_scale(), (lo * 0.7..hi * 1.4).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("article size (bytes)")
        .y_desc("instructions / byte")
        .x_label_formatter(&|x| if *x >= 1e6 { format!("{:.0}M", x / 1e6) } else { format!("{:.0}K", x / 1e3) })
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (i, (name, pts)) in series.iter().enumerate() {
        let color = Palette99::pick(i).to_rgba();
        let w = Workload::from_name(name);
        let style = if w.is_some_and(Workload::is_peer) { color.stroke_width(1) } else { color.stroke_width(3) };
        chart
            .draw_series(LineSeries::new(pts.iter().copied(), style))?
            .label(*name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3)));
        chart.draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

fn main() -> ExitCode {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let csv = args.first().cloned().unwrap_or_else(|| format!("{root}/target/icount.csv"));
    let svg = args.get(1).cloned().unwrap_or_else(|| format!("{root}/benches/scaling.svg"));
    let series = match read(&csv) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("plot: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = draw(&series, &svg) {
        eprintln!("plot: {svg}: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote {svg}");
    ExitCode::SUCCESS
}
