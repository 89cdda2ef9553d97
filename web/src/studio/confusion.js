// The confusion matrix's colours: each cell shaded by the share of its true class (its row) that
// landed there — green on the diagonal (right), red off it (mistakes). Off-diagonal shares are
// small, so they get a square-root boost: a 2 % confusion must still be visible next to 98 %.

/** {background, color} CSS for a cell holding `count` of a row of `rowTotal`. */
export function cellColour(count, rowTotal, diagonal) {
  const share = rowTotal > 0 ? Math.max(0, Math.min(1, count / rowTotal)) : 0;
  if (share === 0) return { background: 'rgba(0, 0, 0, 0)', color: '#8a93a3' };
  const strength = diagonal ? share : Math.sqrt(share);
  const alpha = Math.round((0.12 + 0.88 * strength) * 100) / 100;
  const background = diagonal ? `rgba(30, 150, 80, ${alpha})` : `rgba(210, 50, 40, ${alpha})`;
  return { background, color: alpha > 0.55 ? '#fff' : '#1d2330' };
}

/** The row sums of a square matrix of counts. */
export const rowTotals = (matrix) => (matrix ?? []).map((row) => row.reduce((a, b) => a + b, 0));
