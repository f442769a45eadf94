// Progress of long work (cli/progress.ts) on a fake clock: on a terminal a bar with the time
// left from 2 s on; off a terminal a line after 5 s and then every 15 s, and "done in"; a run
// whose estimate exceeds 10 minutes says so once, as soon as the estimate is known.
import { describe, expect, it } from 'vitest';
import { estimateLeft, formatDuration, progressBar } from '../../cli/progress.js';

function clocked(tty: boolean) {
  let t = 1_000_000;
  const out: string[] = [];
  const bar = progressBar('cosim vti_psr', { tty, now: () => t, write: (s) => void out.push(s) });
  return { bar, out, at: (ms: number) => void (t = 1_000_000 + ms) };
}

describe('progress', () => {
  it('formats durations and estimates the time left from the rate so far', () => {
    expect([formatDuration(12_400), formatDuration(185_000), formatDuration(3_720_000)]).toEqual([
      '12s',
      '3m05s',
      '1h02m',
    ]);
    expect(estimateLeft(25, 100, 10_000)).toBe(30_000);
    expect(estimateLeft(0, 100, 10_000)).toBeUndefined();
  });

  it('on a terminal: nothing before 2 s, then a bar with the time left', () => {
    const { bar, out, at } = clocked(true);
    at(1_500);
    bar.update(10, 100);
    expect(out).toEqual([]);
    at(3_000);
    bar.update(30, 100);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\rcosim vti_psr \[#{9}\.{21}\] {2}30% ~7s left/);
    bar.done();
    expect(out.at(-1)).toMatch(/^\r +\r$/);
  });

  it('off a terminal: a line after 5 s, the next 15 s later, and the total at the end', () => {
    const { bar, out, at } = clocked(false);
    at(3_000);
    bar.update(10, 100);
    expect(out).toEqual([]);
    at(5_000);
    bar.update(50, 100);
    at(10_000);
    bar.update(60, 100);
    at(20_000);
    bar.update(90, 100);
    at(21_000);
    bar.done();
    expect(out).toEqual([
      'vti: cosim vti_psr: 50% (50/100) ~5s left\n',
      'vti: cosim vti_psr: 90% (90/100) ~2s left\n',
      'vti: cosim vti_psr: done in 21s\n',
    ]);
  });

  it('says once, up front, that a run will take more than 10 minutes', () => {
    const { bar, out, at } = clocked(false);
    at(2_000);
    bar.update(1, 1_000); // 1/1000 in 2 s: about 33 minutes in all
    at(2_500);
    bar.update(2, 1_000);
    expect(out).toEqual(['vti: cosim vti_psr: estimated 33m20s in all (more than 10 minutes); Ctrl-C stops it\n']);
  });
});
