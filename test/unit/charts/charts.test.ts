/**
 * Every chart rendered on fixed data (data.ts) and compared with its stored
 * snapshot (snapshot.ts; `UPDATE_SNAPSHOTS=1` rewrites them), in French (the
 * app's first language, i18n's default). A change to a
 * chart's drawing, words or table twin shows here as a diff to review.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ConfidenceChart from '../../../renderer/src/charts/ConfidenceChart.svelte';
import EnvelopeChart from '../../../renderer/src/charts/EnvelopeChart.svelte';
import ExecutionChart from '../../../renderer/src/charts/ExecutionChart.svelte';
import FrontierChart from '../../../renderer/src/charts/FrontierChart.svelte';
import RiskRoadmap from '../../../renderer/src/charts/RiskRoadmap.svelte';
import Roadmap from '../../../renderer/src/charts/Roadmap.svelte';
import SpendFan from '../../../renderer/src/charts/SpendFan.svelte';
import TeamHeatmap from '../../../renderer/src/charts/TeamHeatmap.svelte';
import Tornado from '../../../renderer/src/charts/Tornado.svelte';
import ValueCurve from '../../../renderer/src/charts/ValueCurve.svelte';
import * as data from './data';
import { matchChart } from './snapshot';

describe('chart snapshots', () => {
  it('envelope use, investment (an overrun) and operating (a negative year)', () => {
    matchChart(
      'envelope-investment',
      render(EnvelopeChart, { props: { kind: 'investment', years: data.envelopeYears } }).body,
    );
    matchChart(
      'envelope-operating',
      render(EnvelopeChart, { props: { kind: 'operating', years: data.operatingYears } }).body,
    );
  });

  it('team heatmap (an overload, a team without capacity)', () => {
    matchChart(
      'team-heatmap',
      render(TeamHeatmap, {
        props: { portfolio: data.portfolio, loads: data.loads, limits: data.limits },
      }).body,
    );
  });

  it('roadmap by direction (a project without direction, a long name cut)', () => {
    matchChart(
      'roadmap',
      render(Roadmap, { props: { portfolio: data.portfolio, plan: data.plan } }).body,
    );
  });

  it('roadmap with a deadline mark and a postponement « pas avant 2028 »', () => {
    matchChart(
      'roadmap-obligations',
      render(Roadmap, {
        props: { portfolio: data.obligationsPortfolio, plan: data.plan, notBefore: data.notBefore },
      }).body,
    );
  });

  it('risk roadmap with a deadline, its chance of being on time, and a postponement', () => {
    matchChart(
      'risk-roadmap-obligations',
      render(RiskRoadmap, {
        props: {
          rows: data.riskRowsObligations,
          firstYear: 2026,
          years: 3,
          mandateMonth: 30,
          mandateEnd: '2028-06',
        },
      }).body,
    );
  });

  it('risk roadmap (a late start caused by a predecessor)', () => {
    matchChart(
      'risk-roadmap',
      render(RiskRoadmap, {
        props: {
          rows: data.riskRows,
          firstYear: 2026,
          years: 3,
          mandateMonth: 30,
          mandateEnd: '2028-06',
        },
      }).body,
    );
  });

  it('spend fan', () => {
    matchChart(
      'spend-fan',
      render(SpendFan, { props: { years: data.fanYears, after: 125_000 } }).body,
    );
  });

  it('tornado, and its empty state', () => {
    matchChart('tornado', render(Tornado, { props: { bars: data.tornadoBars } }).body);
    matchChart('tornado-empty', render(Tornado, { props: { bars: [] } }).body);
  });

  it('price of confidence (a level without a plan that holds)', () => {
    matchChart(
      'confidence',
      render(ConfidenceChart, {
        props: {
          bars: data.confidenceBars,
          title: 'Tenir les enveloppes 8 années sur 10 coûte 12 % de la valeur',
        },
      }).body,
    );
  });

  it('value S-curve', () => {
    matchChart(
      'value-curve',
      render(ValueCurve, { props: { curve: data.curve, value: data.curveValue, pAll: 0.07 } }).body,
    );
  });

  it('efficient frontier (a point with a gap, one without plan, one selected)', () => {
    matchChart(
      'frontier',
      render(FrontierChart, {
        props: {
          points: data.frontierPoints,
          selected: 1.5,
          titleId: 'fr-title',
          onselect: () => {},
        },
      }).body,
    );
  });

  it('execution: CP voted and paid with the rates of closed years, the re-forecast after; its empty state', () => {
    const html = render(ExecutionChart, { props: { years: data.executionBars } }).body;
    matchChart('execution', html);
    // The marks a reader relies on, whatever the snapshot: one rate per closed year, the low one in red.
    const rates = [...html.matchAll(/class="rate[^"]*"[^>]*>([^<]+)</g)];
    expect(rates.map((x) => x[1]!.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['91 %', '50 %']);
    expect(html).toMatch(/class="rate[^"]*\blow\b[^"]*"[^>]*>50/);
    expect(html.match(/class="forecast[ "]/g)).toHaveLength(2);
    expect(html.match(/class="paid[ "]/g)).toHaveLength(2);
    const empty = render(ExecutionChart, {
      props: { years: [{ year: 2027, voted: 0, paid: null, rate: null, forecast: null }] },
    }).body;
    expect(empty).not.toContain('<svg');
    matchChart('execution-empty', empty);
  });
});
