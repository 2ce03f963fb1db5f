// The figure timeline chart: one colour per claimant, bounds drawn as such (arrows for up to / at least, bars for ranges), disagreements joined.
import { scaleLinear, scaleLog, scalePoint, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import type { FigurePoint, FigureSeries } from "../../../src/track/figure-series.js";
import { boundPhrase } from "../annotate.js";
import { href } from "../router.js";
import { useCard } from "./Card.js";

const W = 880;
const H = 340;
const MARGIN = { top: 20, right: 24, bottom: 64, left: 64 };
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
/** Colour-blind-safe categorical colours (Okabe–Ito), in claimant order; the unattributed get grey. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8c6d31", "#7f3c8d"];
export const UNATTRIBUTED = "#8a8a8a";
/** A log scale once the largest figure is this many times the smallest: counts of 45 and 4 million share a chart. */
const LOG_RATIO = 200;
const ARROW = 26;

export function claimantColor(series: FigureSeries, claimant: string | undefined): string {
  if (!claimant) return UNATTRIBUTED;
  const i = series.claimants.findIndex((c) => c.claimant === claimant);
  return i < 0 ? UNATTRIBUTED : PALETTE[i % PALETTE.length]!;
}

const day = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00Z`);
const pointId = (p: FigurePoint) => `${p.articleId}/${p.quantityId}`;
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function PointCard({ p }: { p: FigurePoint }) {
  return (
    <div>
      <p class="card-title"><strong>{p.text}</strong> <span class={`bound bound-${p.bound}`}>{boundPhrase(p)}</span></p>
      <p><span class="k">counts</span> {p.counted}</p>
      <p><span class="k">claimed by</span> {p.claimant ?? <span class="muted">no source named</span>}</p>
      <p><span class="k">as of</span> {p.date ?? "undated"}{p.time && p.time !== p.date ? ` (${p.time})` : ""}</p>
      <p class="card-links"><a href={href(["article", p.articleId])}>{p.title ?? "the article"}</a></p>
    </div>
  );
}

export function Timeline({ series }: { series: FigureSeries }) {
  const card = useCard();
  const points = series.points.filter((p) => p.value !== undefined || p.low !== undefined || p.high !== undefined);
  const dates = [...new Set(points.map((p) => p.date).filter((d): d is string => !!d))].sort();
  const timeMode = dates.length >= 2;
  // Article titles take two staggered rows under the axis; dates take one.
  const M = { ...MARGIN, bottom: timeMode ? 40 : MARGIN.bottom };
  // Without dates the articles are the x axis, in the order the series lists them.
  const articles = [...new Set(points.map((p) => p.articleId))];
  const titles = new Map(points.map((p) => [p.articleId, p.title ?? p.articleId]));
  const hasUndated = timeMode && points.some((p) => !p.date);
  const plotRight = W - M.right - (hasUndated ? 70 : 0);
  const xTime = scaleUtc().domain([day(dates[0] ?? "2000-01-01"), day(dates[dates.length - 1] ?? "2000-01-02")]).range([M.left + 20, plotRight - 20]);
  const xBand = scalePoint<string>().domain(articles).range([M.left + 30, W - M.right - 30]).padding(0.3);
  const x = (p: FigurePoint): number =>
    timeMode ? (p.date ? xTime(day(p.date)) : W - M.right - 35) : (xBand(p.articleId) ?? M.left);
  const values = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const max = Math.max(1, ...values);
  const minPositive = Math.min(...values.filter((v) => v > 0), max);
  const log = max / minPositive >= LOG_RATIO;
  const y = log
    ? scaleLog().domain([Math.max(minPositive / 2, 1e-9), max * 2]).range([H - M.bottom, M.top]).nice()
    : scaleLinear().domain([0, max * 1.15]).range([H - M.bottom, M.top]).nice();
  const yOf = (v: number) => y(log ? Math.max(v, y.domain()[0]!) : v);
  const yTicks = log ? y.ticks(6).filter((t, i, all) => all.length <= 8 || Number.isInteger(Math.log10(t))) : y.ticks(6);
  // Jitter points that share an x so each stays visible and hoverable.
  const seen = new Map<number, number>();
  const px = new Map<string, number>();
  for (const p of points) {
    const base = Math.round(x(p));
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    px.set(pointId(p), base + (k === 0 ? 0 : (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 11));
  }
  const X = (p: FigurePoint) => px.get(pointId(p)) ?? x(p);
  const Y = (p: FigurePoint) => yOf(p.value ?? p.low ?? p.high ?? 0);
  const byClaimant = new Map<string, FigurePoint[]>();
  for (const p of points) if (p.claimant && timeMode && p.date) byClaimant.set(p.claimant, [...(byClaimant.get(p.claimant) ?? []), p]);
  const path = line<FigurePoint>().x(X).y(Y);
  const summary = `${series.label}: ${points.length} figures from ${series.claimants.length} claimants${series.disagreements.length ? `, ${series.disagreements.length} disagreements` : ""}.`;
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Chart. ${summary} The table below lists the same figures.`} class="chart">
        <g class="axis y-axis" aria-hidden="true">
          {yTicks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={yOf(t)} y2={yOf(t)} class="grid-line" />
              <text x={M.left - 8} y={yOf(t)} dy="0.32em" text-anchor="end">{compact.format(t)}</text>
            </g>
          ))}
          {log && <text x={M.left} y={M.top - 6} class="axis-note">log scale</text>}
        </g>
        <g class="axis x-axis" aria-hidden="true">
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          {timeMode
            ? xTime.ticks(6).map((t) => <text key={+t} x={xTime(t)} y={H - M.bottom + 18} text-anchor="middle">{t.toISOString().slice(0, 10)}</text>)
            : articles.map((a, i) => (
                <text key={a} x={xBand(a)} y={H - M.bottom + 18 + (i % 2) * 16} text-anchor="middle">{short(titles.get(a) ?? a, 28)}</text>
              ))}
          {hasUndated && <text x={W - M.right - 35} y={H - M.bottom + 18} text-anchor="middle">undated</text>}
          {!timeMode && <text x={(M.left + W - M.right) / 2} y={H - 8} text-anchor="middle" class="axis-note">articles (no dates to place the figures in time)</text>}
        </g>
        <g class="series-lines" aria-hidden="true">
          {[...byClaimant].filter(([, ps]) => ps.length > 1).map(([c, ps]) => (
            <path key={c} d={path([...ps].sort((a, b) => a.date!.localeCompare(b.date!))) ?? ""} stroke={claimantColor(series, c)} class="claimant-line" />
          ))}
        </g>
        <g class="disagreements" aria-hidden="true">
          {series.disagreements.map((d, i) => {
            const a = points.find((p) => pointId(p) === pointId(d.a));
            const b = points.find((p) => pointId(p) === pointId(d.b));
            if (!a || !b) return null;
            return (
              <g key={i}>
                <line x1={X(a)} y1={Y(a)} x2={X(b)} y2={Y(b)} class="disagree-line"><title>{d.reason}</title></line>
                <text x={(X(a) + X(b)) / 2 + 8} y={(Y(a) + Y(b)) / 2} class="disagree-mark">≠</text>
              </g>
            );
          })}
        </g>
        <g class="points">
          {points.map((p) => {
            const cx = X(p);
            const color = claimantColor(series, p.claimant);
            const label = `${boundPhrase(p)} ${p.counted}, ${p.claimant ? `claimed by ${p.claimant}` : "no source named"}, ${p.date ?? "undated"}`;
            const id = `fig-card-${pointId(p).replace(/[^A-Za-z0-9_-]/g, "_")}`;
            return (
              <g key={pointId(p)} class={`pt bound-${p.bound}`} tabIndex={0} role="img" aria-label={label} {...card(id, () => <PointCard p={p} />)}>
                {p.bound === "range" && p.low !== undefined && p.high !== undefined ? (
                  <>
                    <line x1={cx} x2={cx} y1={yOf(p.low)} y2={yOf(p.high)} stroke={color} stroke-width={4} />
                    <line x1={cx - 6} x2={cx + 6} y1={yOf(p.low)} y2={yOf(p.low)} stroke={color} stroke-width={2} />
                    <line x1={cx - 6} x2={cx + 6} y1={yOf(p.high)} y2={yOf(p.high)} stroke={color} stroke-width={2} />
                  </>
                ) : p.bound === "lower" ? (
                  // "At least / more than": the true figure lies above — an arrow pointing up from a bar.
                  <>
                    <line x1={cx} x2={cx} y1={Y(p)} y2={Y(p) - ARROW} stroke={color} stroke-width={2} />
                    <path d={`M${cx - 6},${Y(p) - ARROW + 7} L${cx},${Y(p) - ARROW} L${cx + 6},${Y(p) - ARROW + 7}`} stroke={color} fill="none" stroke-width={2} />
                    <line x1={cx - 7} x2={cx + 7} y1={Y(p)} y2={Y(p)} stroke={color} stroke-width={3} />
                  </>
                ) : p.bound === "upper" ? (
                  // "Up to / at most": the true figure lies below.
                  <>
                    <line x1={cx} x2={cx} y1={Y(p)} y2={Y(p) + ARROW} stroke={color} stroke-width={2} />
                    <path d={`M${cx - 6},${Y(p) + ARROW - 7} L${cx},${Y(p) + ARROW} L${cx + 6},${Y(p) + ARROW - 7}`} stroke={color} fill="none" stroke-width={2} />
                    <line x1={cx - 7} x2={cx + 7} y1={Y(p)} y2={Y(p)} stroke={color} stroke-width={3} />
                  </>
                ) : p.bound === "approx" ? (
                  <circle cx={cx} cy={Y(p)} r={6} fill="none" stroke={color} stroke-width={2} stroke-dasharray="3 2" />
                ) : (
                  <circle cx={cx} cy={Y(p)} r={5.5} fill={color} />
                )}
                {/* A wider invisible target: thin bars are hard to hover. */}
                <rect x={cx - 9} y={Math.min(Y(p), p.bound === "lower" ? Y(p) - ARROW : Y(p)) - 9} width={18} height={(p.bound === "lower" || p.bound === "upper" ? ARROW : 0) + 18} class="hit-area" />
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul class="chart-legend" aria-label="Claimants">
          {series.claimants.map((c) => (
            <li key={c.claimant}><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill={claimantColor(series, c.claimant)} /></svg> {c.claimant}</li>
          ))}
          {points.some((p) => !p.claimant) && <li><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill={UNATTRIBUTED} /></svg> no source named</li>}
        </ul>
        <ul class="chart-legend bounds-key" aria-label="How bounds are drawn">
          <li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="currentColor" /></svg> exact</li>
          <li><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-dasharray="3 2" stroke-width="1.5" /></svg> about</li>
          <li><svg width="14" height="18" aria-hidden="true"><path d="M7,16 V3 M3,7 L7,2 L11,7 M2,16 H12" stroke="currentColor" fill="none" stroke-width="1.5" /></svg> at least / more than</li>
          <li><svg width="14" height="18" aria-hidden="true"><path d="M7,2 V15 M3,11 L7,16 L11,11 M2,2 H12" stroke="currentColor" fill="none" stroke-width="1.5" /></svg> up to / at most</li>
          <li><svg width="14" height="18" aria-hidden="true"><path d="M7,2 V16 M3,2 H11 M3,16 H11" stroke="currentColor" fill="none" stroke-width="1.5" /></svg> range</li>
          {series.disagreements.length > 0 && <li><svg width="18" height="10" aria-hidden="true"><line x1="0" y1="5" x2="18" y2="5" class="disagree-line" /></svg> figures that disagree</li>}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A thumbnail of a series for lists: each figure a dot in its claimant's colour, in date (else listed) order. */
export function Sparkline({ series }: { series: FigureSeries }) {
  const w = 180;
  const h = 40;
  const pts = series.points
    .map((p, i) => ({ p, v: p.value ?? p.low ?? p.high, i }))
    .filter((x): x is { p: FigurePoint; v: number; i: number } => x.v !== undefined && Number.isFinite(x.v));
  if (pts.length === 0) return null;
  pts.sort((a, b) => (a.p.date ?? "").localeCompare(b.p.date ?? "") || a.i - b.i);
  const vs = pts.map((x) => x.v);
  const max = Math.max(...vs, 1);
  const minPositive = Math.min(...vs.filter((v) => v > 0), max);
  const log = max / minPositive >= LOG_RATIO;
  const y = log ? scaleLog().domain([minPositive / 1.5, max * 1.5]).range([h - 5, 5]) : scaleLinear().domain([0, max * 1.1]).range([h - 5, 5]);
  const x = scalePoint<number>().domain(pts.map((_, i) => i)).range([6, w - 6]).padding(0.5);
  return (
    <svg width={w} height={h} class="sparkline" aria-hidden="true">
      <line x1={0} x2={w} y1={h - 2} y2={h - 2} class="spark-base" />
      {pts.map((d, i) => {
        const cx = x(i) ?? 0;
        const cy = y(log ? Math.max(d.v, minPositive / 1.5) : d.v);
        const color = claimantColor(series, d.p.claimant);
        return d.p.bound === "lower" || d.p.bound === "upper" ? (
          <path key={i} d={d.p.bound === "lower" ? `M${cx - 4},${cy + 3} L${cx},${cy - 4} L${cx + 4},${cy + 3} Z` : `M${cx - 4},${cy - 3} L${cx},${cy + 4} L${cx + 4},${cy - 3} Z`} fill={color} />
        ) : (
          <circle key={i} cx={cx} cy={cy} r={3.5} fill={d.p.bound === "approx" ? "none" : color} stroke={color} stroke-width={1.5} />
        );
      })}
    </svg>
  );
}
