/**
 * The editable year-by-year table (renderer/src/lib/components/YearTable.svelte)
 * rendered in Node: series as rows or, `byYear`, years as rows; an editable
 * cell is a labelled field with its id, a read-only cell its text; each row
 * and column heading where a screen reader expects it.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import YearTable from '../../../renderer/src/lib/components/YearTable.svelte';

const commit = () => null;
const series = [
  {
    key: 'inv',
    header: 'Investissement',
    cells: [
      { id: 'inv-0', label: 'Investissement 2026', value: '100', commit },
      { id: 'inv-1', label: 'Investissement 2027', value: '200', commit },
    ],
  },
  {
    key: 'cap',
    header: 'Plafond',
    class: 'ceiling',
    cells: [
      { id: 'cap-0', label: '', value: '150 €' },
      { id: 'cap-1', label: '', value: '250 €' },
    ],
  },
];

/** The table's rows, each as its cells' tag and text (a field counts as its id). */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map((cell) => {
      const id = /<input[^>]*\bid="([^"]+)"/.exec(cell[3]!)?.[1];
      const text = cell[3]!.replace(/<[^>]+>/g, '').trim();
      return `${cell[1]}:${id ? `#${id}` : text}`;
    }),
  );
}

describe('year table', () => {
  it('series as rows: a row heading, then one field or figure per year', () => {
    const { body } = render(YearTable, {
      props: { caption: 'Enveloppes', corner: 'Série', years: [2026, 2027], series },
    });
    expect(body).toContain('<caption class="sr-only">Enveloppes</caption>');
    expect(rows(body)).toEqual([
      ['th:Investissement', 'td:#inv-0', 'td:#inv-1'],
      ['th:Plafond', 'td:150 €', 'td:250 €'],
    ]);
    expect(body).toMatch(/<label[^>]*for="inv-1"[^>]*>Investissement 2027<\/label>/);
    const head = body.slice(body.indexOf('<thead'), body.indexOf('</thead>'));
    expect([...head.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual([
      'Série',
      '2026',
      '2027',
    ]);
  });

  it('by year: one row per year, one column per series, read-only cells keep their class', () => {
    const { body } = render(YearTable, {
      props: { caption: 'Enveloppes', corner: 'Année', years: [2026, 2027], series, byYear: true },
    });
    expect(rows(body)).toEqual([
      ['th:2026', 'td:#inv-0', 'td:150 €'],
      ['th:2027', 'td:#inv-1', 'td:250 €'],
    ]);
    expect(body).toMatch(/<td class="num ceiling">150 €<\/td>/);
  });

  it('a choice cell: a labelled list with the saved option chosen, and its problem tied to it', () => {
    const options = [
      { value: '', label: '—' },
      { value: 'en-cours', label: 'en cours' },
      { value: 'livre', label: 'livré' },
    ];
    const { body } = render(YearTable, {
      props: {
        caption: 'Exécution',
        corner: 'Exercice',
        years: [2027, 2028],
        series: [
          {
            key: 'status',
            header: 'État',
            cells: [
              { id: 'st-0', label: 'État 2027', value: 'livre', options, commit },
              { id: 'st-1', label: 'État 2028', value: '', options, commit, problem: 'Interdit.' },
            ],
          },
        ],
      },
    });
    expect(body).toMatch(/<label[^>]*for="st-0"[^>]*>État 2027<\/label>/);
    const first = body.slice(body.indexOf('id="st-0"'), body.indexOf('</select>'));
    expect(first).toMatch(/<option value="livre" selected[^>]*>livré<\/option>/);
    expect(first).not.toMatch(/<option value="en-cours" selected/);
    expect(body).toMatch(
      /<select[^>]*aria-describedby="st-1-error"[^>]*aria-invalid="true"|<select[^>]*aria-invalid="true"[^>]*aria-describedby="st-1-error"/,
    );
    expect(body).toContain('<p class="error" id="st-1-error">Interdit.</p>');
  });
});
