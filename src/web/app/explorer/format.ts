/** How the explorer writes numbers, shares and money (no DOM, so tests can check the page against it). */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** 437500 -> "437,500"; 12.25 -> "12.3"; small values keep a decimal. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Math.abs(value) >= 100 ? integer.format(value) : decimal.format(value);
}

/** CNY: 5678787 -> "¥5.68M"; 960000 -> "¥960k"; 1.2e9 -> "¥1.2bn"; smaller values in full. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const sign = value < 0 ? '−' : '';
  const amount = Math.abs(value);
  const scaled = (divisor: number, suffix: string) => `${sign}¥${significant.format(amount / divisor)}${suffix}`;
  if (amount >= 1e9) return scaled(1e9, 'bn');
  if (amount >= 1e6) return scaled(1e6, 'M');
  if (amount >= 1e4) return scaled(1e3, 'k');
  return `${sign}¥${integer.format(amount)}`;
}

/** 0.921 -> "92%"; 0.9251 -> "92.5%" */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const percent = value * 100;
  const digits = Number.isInteger(Math.round(percent * 10) / 10) ? 0 : 1;
  return `${percent.toFixed(digits)}%`;
}
