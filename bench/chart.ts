// A line chart as SVG, rendered to PNG with resvg: enough for "error against position, one line per method".
import { Resvg } from '@resvg/resvg-js';

export interface Series {
  label: string;
  color: string;
  points: Array<[x: number, y: number]>;
}

export function lineChartPng(title: string, xLabel: string, yLabel: string, series: Series[]): Buffer {
  const width = 960;
  const height = 540;
  const margin = { left: 80, right: 30, top: 60, bottom: 70 };
  const all = series.flatMap((line) => line.points);
  const xMax = Math.max(...all.map(([x]) => x), 1);
  const yMax = Math.max(...all.map(([, y]) => y), 1) * 1.1;
  const sx = (x: number) => margin.left + (x / xMax) * (width - margin.left - margin.right);
  const sy = (y: number) => height - margin.bottom - (y / yMax) * (height - margin.top - margin.bottom);
  const ticks = (max: number) => Array.from({ length: 6 }, (_, index) => (max * index) / 5);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans" font-size="14">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="32" text-anchor="middle" font-size="18">${title}</text>`,
    ...ticks(yMax).map(
      (y) =>
        `<line x1="${margin.left}" x2="${width - margin.right}" y1="${sy(y)}" y2="${sy(y)}" stroke="#ddd"/>` +
        `<text x="${margin.left - 8}" y="${sy(y) + 5}" text-anchor="end">${y.toFixed(0)}</text>`,
    ),
    ...ticks(xMax).map((x) => `<text x="${sx(x)}" y="${height - margin.bottom + 22}" text-anchor="middle">${x.toFixed(0)}</text>`),
    `<line x1="${margin.left}" x2="${width - margin.right}" y1="${sy(0)}" y2="${sy(0)}" stroke="black"/>`,
    `<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${sy(0)}" stroke="black"/>`,
    `<text x="${width / 2}" y="${height - 20}" text-anchor="middle">${xLabel}</text>`,
    `<text transform="translate(22 ${height / 2}) rotate(-90)" text-anchor="middle">${yLabel}</text>`,
    ...series.map(
      (line) =>
        `<polyline fill="none" stroke="${line.color}" stroke-width="2.5" points="${line.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`,
    ),
    ...series.map(
      (line, index) =>
        `<rect x="${margin.left + 20}" y="${margin.top + 10 + index * 24}" width="18" height="4" fill="${line.color}"/>` +
        `<text x="${margin.left + 46}" y="${margin.top + 16 + index * 24}">${line.label}</text>`,
    ),
    '</svg>',
  ].join('\n');
  return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
}
