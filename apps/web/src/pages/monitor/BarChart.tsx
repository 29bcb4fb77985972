import { useId } from 'react';
import { figureText } from './figures';
import type { Published } from './types';

export interface Bar {
  label: string;
  value: Published | null;
}

const ROW = 30;
const LABEL_WIDTH = 230;
const BAR_SPACE = 330;

/**
 * A horizontal bar chart for sighted users, next to the data table that carries the same figures for
 * everyone (the chart itself is hidden from assistive technology). A suppressed figure has no length:
 * it is drawn as a short hatched stub with "<10" or "x" beside it, never as an estimate.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  const hatch = `gp-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <figure className="gp-chart">
      <figcaption className="gp-chart__caption">{title}</figcaption>
      <svg
        className="gp-chart__svg"
        viewBox={`0 0 ${LABEL_WIDTH + BAR_SPACE + 80} ${bars.length * ROW}`}
        aria-hidden="true"
        focusable="false"
      >
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="gp-chart__hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="gp-chart__hatch" />
          </pattern>
        </defs>
        {bars.map((bar, i) => {
          const width = typeof bar.value === 'number' ? (bar.value / max) * BAR_SPACE : 18;
          return (
            <g key={`${bar.label}-${i}`} transform={`translate(0 ${i * ROW})`}>
              <text x={LABEL_WIDTH - 8} y={ROW / 2 + 5} textAnchor="end" className="gp-chart__label">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={5}
                height={ROW - 10}
                width={Math.max(width, typeof bar.value === 'number' && bar.value > 0 ? 2 : 0)}
                className={typeof bar.value === 'number' ? 'gp-chart__bar' : 'gp-chart__stub'}
                fill={typeof bar.value === 'number' ? undefined : `url(#${hatch})`}
              />
              <text x={LABEL_WIDTH + width + 6} y={ROW / 2 + 5} className="gp-chart__value">
                {figureText(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
