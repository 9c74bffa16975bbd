/**
 * 변경 추이: every change in the library over time, one stacked bar per week or month, one
 * segment per category. Plain SVG (no charting library): a dozen bars need no scales or
 * animation, and drawing them ourselves keeps what matters in our hands: each category has a
 * pattern as well as a colour, each bar says its count, every bar is a keyboard stop (←/→,
 * Home/End, Enter picks that week or month as the period), and the same numbers are a table.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ChangeTimeline, TimelineBucket, TimelineUnit } from '../../../shared/briefing';

export interface ChangesPaneTimelineProps {
  timeline: ChangeTimeline | null;
  error: string | null;
  unit: TimelineUnit;
  onUnit(unit: TimelineUnit): void;
  /** The period shown below, to mark the bars inside it. */
  since: string;
  until: string;
  /** Picks one bucket as the period. */
  onPick(since: string, until: string): void;
}

const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9a3412'];
const PATTERN_COUNT = 8;
const patternId = (i: number) => `timeline-pattern-${i % PATTERN_COUNT}`;

/** Eight fills that differ in shape, not only in colour. */
function PatternDefs() {
  const shapes = [
    (c: string) => <rect width="8" height="8" fill={c} />,
    (c: string) => <path d="M-2,10 L10,-2 M-2,2 L2,-2 M6,10 L10,6" stroke={c} strokeWidth="2.2" />,
    (c: string) => <circle cx="4" cy="4" r="2" fill={c} />,
    (c: string) => <path d="M0,2 H8 M0,6 H8" stroke={c} strokeWidth="1.8" />,
    (c: string) => <path d="M2,0 V8 M6,0 V8" stroke={c} strokeWidth="1.8" />,
    (c: string) => <path d="M0,0 L8,8 M8,0 L0,8" stroke={c} strokeWidth="1.4" />,
    (c: string) => <path d="M-2,-2 L10,10 M-2,6 L2,10 M6,-2 L10,2" stroke={c} strokeWidth="2.2" />,
    (c: string) => <path d="M0,0 H4 V4 H0 Z M4,4 H8 V8 H4 Z" fill={c} />,
  ];
  return (
    <defs>
      {shapes.map((shape, i) => (
        <pattern key={i} id={patternId(i)} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#fff" />
          {shape(COLOURS[i])}
        </pattern>
      ))}
    </defs>
  );
}

/** `2024년 12월`, or `2024-12-02 주 (12.2~12.8)`. */
export function bucketLabel(bucket: TimelineBucket, unit: TimelineUnit): string {
  const [y, m] = bucket.start.split('-').map(Number);
  if (unit === 'month') return `${y}년 ${m}월`;
  const short = (d: string) => d.slice(5).split('-').map(Number).join('.');
  return `${bucket.start} 주 (${short(bucket.start)}~${short(bucket.end)})`;
}

function axisLabel(bucket: TimelineBucket, unit: TimelineUnit): string {
  const [y, m, d] = bucket.start.split('-').map(Number);
  return unit === 'month' ? `${String(y).slice(2)}.${m}` : `${m}.${d}`;
}

function describe(bucket: TimelineBucket, unit: TimelineUnit, categories: string[]): string {
  const parts = categories.filter((c) => bucket.counts[c]).map((c) => `${c} ${bucket.counts[c]}건`);
  return `${bucketLabel(bucket, unit)}: 변경 ${bucket.total}건${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

interface ChartProps extends Omit<ChangesPaneTimelineProps, 'timeline' | 'error' | 'onUnit'> {
  timeline: ChangeTimeline;
}

const HEIGHT = 150;
const TOP = 18;
const LEFT = 30;

function TimelineChart({ timeline, unit, since, until, onPick }: ChartProps) {
  const { buckets, categories } = timeline;
  const [focused, setFocused] = useState(() => Math.max(0, buckets.length - 1));
  const bars = useRef<(SVGGElement | null)[]>([]);
  const barWidth = unit === 'month' ? 26 : 12;
  const step = barWidth + (unit === 'month' ? 10 : 4);
  const width = LEFT + buckets.length * step + 8;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const scale = (n: number) => (n / max) * (HEIGHT - TOP);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / (unit === 'month' ? 24 : 16)));
  const current = Math.min(focused, buckets.length - 1);
  const move = (event: KeyboardEvent, index: number) => {
    const keys: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: buckets.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(buckets[index].start, buckets[index].end);
      return;
    }
    if (!(event.key in keys)) return;
    event.preventDefault();
    const next = Math.min(buckets.length - 1, Math.max(0, keys[event.key]));
    setFocused(next);
    bars.current[next]?.focus();
  };
  return (
    <div className="change-timeline-scroll">
      <svg
        className="change-timeline-chart"
        role="group"
        aria-label={`${unit === 'month' ? '월별' : '주별'} 변경 건수 막대그래프: ←/→로 이동, Enter로 그 기간 보기`}
        width={width}
        height={HEIGHT + 34}
        viewBox={`0 0 ${width} ${HEIGHT + 34}`}
        data-testid="timeline-chart"
      >
        <PatternDefs />
        {[0, 0.5, 1].map((f) => (
          <g key={f} aria-hidden="true">
            <line
              x1={LEFT - 4}
              x2={width}
              y1={HEIGHT - scale(max * f)}
              y2={HEIGHT - scale(max * f)}
              className="change-timeline-grid"
            />
            <text x={LEFT - 8} y={HEIGHT - scale(max * f) + 4} textAnchor="end" className="change-timeline-axis">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, i) => {
          const x = LEFT + i * step;
          let y = HEIGHT;
          const inPeriod = since !== '' && bucket.end >= since && (until === '' || bucket.start <= until);
          return (
            <g
              key={bucket.start}
              ref={(el) => void (bars.current[i] = el)}
              role="button"
              tabIndex={i === current ? 0 : -1}
              aria-label={describe(bucket, unit, categories)}
              aria-pressed={since === bucket.start && until === bucket.end}
              className={`change-timeline-bar${inPeriod ? ' in-period' : ''}`}
              data-testid="timeline-bar"
              data-start={bucket.start}
              data-total={bucket.total}
              onKeyDown={(e) => move(e, i)}
              onFocus={() => setFocused(i)}
              onClick={() => onPick(bucket.start, bucket.end)}
            >
              <rect
                className="change-timeline-hit"
                x={x - 3}
                y={TOP - 14}
                width={barWidth + 6}
                height={HEIGHT - TOP + 30}
              />
              {categories.map((c, ci) => {
                const n = bucket.counts[c] ?? 0;
                if (!n) return null;
                y -= scale(n);
                return (
                  <rect
                    key={c}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={scale(n)}
                    fill={`url(#${patternId(ci)})`}
                    stroke={COLOURS[ci % PATTERN_COUNT]}
                  />
                );
              })}
              {bucket.total > 0 && (
                <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" className="change-timeline-count">
                  {bucket.total}
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT + 16} textAnchor="middle" className="change-timeline-axis">
                  {axisLabel(bucket, unit)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function TimelineLegend({ categories }: { categories: string[] }) {
  return (
    <ul className="change-timeline-legend" aria-label="범례">
      {categories.map((c, i) => (
        <li key={c}>
          <svg width="16" height="16" aria-hidden="true">
            <rect width="16" height="16" fill={`url(#${patternId(i)})`} stroke={COLOURS[i % PATTERN_COUNT]} />
          </svg>
          {c}
        </li>
      ))}
    </ul>
  );
}

function TimelineTable({ timeline }: { timeline: ChangeTimeline }) {
  const { buckets, categories, unit } = timeline;
  return (
    <details className="change-timeline-table no-print" data-testid="timeline-table">
      <summary>표로 보기</summary>
      <div className="table-scroll">
        <table className="file-table">
          <caption className="visually-hidden">{unit === 'month' ? '월별' : '주별'} 변경 건수, 상담 유형별</caption>
          <thead>
            <tr>
              <th scope="col">기간</th>
              {categories.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">합계</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.start} data-testid="timeline-row" data-start={b.start}>
                <th scope="row">{bucketLabel(b, unit)}</th>
                {categories.map((c) => (
                  <td key={c}>{b.counts[c] ?? 0}</td>
                ))}
                <td>{b.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function ChangesPaneTimeline({ timeline, error, unit, onUnit, ...chart }: ChangesPaneTimelineProps) {
  const units: { value: TimelineUnit; label: string }[] = [
    { value: 'month', label: '월별' },
    { value: 'week', label: '주별' },
  ];
  return (
    <section className="change-timeline no-print" aria-labelledby="timeline-title" data-testid="timeline">
      <div className="change-timeline-head">
        <h3 id="timeline-title">변경 추이</h3>
        <div role="group" aria-label="묶는 단위" className="chip-row">
          {units.map((u) => (
            <button
              key={u.value}
              type="button"
              className="chip"
              aria-pressed={unit === u.value}
              data-testid={`timeline-${u.value}`}
              onClick={() => onUnit(u.value)}
            >
              {u.label}
            </button>
          ))}
        </div>
        {timeline && timeline.first && (
          <span className="muted">
            {timeline.first} ~ {timeline.last} · 변경 {timeline.total}건
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          변경 추이를 불러오지 못했습니다: {error}
        </p>
      )}
      {timeline && timeline.total === 0 && <p className="muted">아직 기록된 변경이 없습니다.</p>}
      {timeline && timeline.total > 0 && (
        <>
          <TimelineChart
            key={`${timeline.unit}-${timeline.buckets.length}`}
            timeline={timeline}
            unit={timeline.unit}
            {...chart}
          />
          <TimelineLegend categories={timeline.categories} />
          <TimelineTable timeline={timeline} />
        </>
      )}
    </section>
  );
}
