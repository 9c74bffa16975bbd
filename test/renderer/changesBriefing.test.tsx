// @vitest-environment happy-dom
/** The briefing component on a long period: the first guides with their diffs, the rest on request. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangesPaneBriefing, GUIDES_SHOWN_FIRST } from '../../src/renderer/src/components/ChangesPaneBriefing';
import type { BriefingGuide, ChangeBriefing } from '../../src/shared/briefing';

afterEach(cleanup);

function guide(n: number): BriefingGuide {
  return {
    id: `g${n}`,
    title: `가이드 ${n}`,
    category: [n % 2 ? '주차_고객' : '택시_고객'],
    kind: 'changed',
    retired: false,
    currentPath: `g${n}.md`,
    latest: '2025-01-01',
    events: [{ kind: 'effective', date: '2025-01-01', path: `g${n}.md` }],
    from: `(보관-25.1.1)g${n}.md`,
    to: `g${n}.md`,
    fromTitle: `(보관-25.1.1)가이드 ${n}`,
    toTitle: `가이드 ${n}`,
    changes: [{ section: 'responseSteps', op: 'added', before: null, after: `단계 ${n}`, label: '응대 순서 1' }],
    plainText: false,
  };
}

function briefing(count: number): ChangeBriefing {
  const guides = Array.from({ length: count }, (_, i) => guide(i));
  return {
    period: { since: '2025-01-01', until: null },
    guideCount: count,
    changeCount: count,
    groups: [
      { category: '주차_고객', latest: '2025-01-01', guides: guides.filter((g) => g.category[0] === '주차_고객') },
      { category: '택시_고객', latest: '2025-01-01', guides: guides.filter((g) => g.category[0] === '택시_고객') },
    ],
  };
}

const noop = () => undefined;

describe('ChangesPaneBriefing', () => {
  it('shows every guide of a short period', () => {
    render(
      <ChangesPaneBriefing briefing={briefing(12)} layout="inline" onLayout={noop} onOpen={noop} onCompare={noop} />,
    );
    expect(screen.getAllByTestId('change-entry')).toHaveLength(12);
    expect(screen.queryByTestId('show-all')).toBeNull();
  });

  it('shows the first guides of a long one, in order, and the rest on request', () => {
    const long = briefing(GUIDES_SHOWN_FIRST + 37);
    render(<ChangesPaneBriefing briefing={long} layout="columns" onLayout={noop} onOpen={noop} onCompare={noop} />);
    const order = long.groups.flatMap((g) => g.guides.map((x) => x.id));
    const ids = () => screen.getAllByTestId('change-entry').map((e) => e.getAttribute('data-id'));
    expect(ids()).toEqual(order.slice(0, GUIDES_SHOWN_FIRST));
    expect(screen.getByTestId('briefing-more').textContent).toContain(
      `가이드 ${long.guideCount}건 중 ${GUIDES_SHOWN_FIRST}건`,
    );
    fireEvent.click(screen.getByTestId('show-all'));
    expect(ids()).toEqual(order);
    expect(screen.queryByTestId('show-all')).toBeNull();
  });

  it('folds one guide, and all of them', () => {
    render(
      <ChangesPaneBriefing briefing={briefing(3)} layout="inline" onLayout={noop} onOpen={noop} onCompare={noop} />,
    );
    const toggles = screen.getAllByTestId('change-toggle');
    fireEvent.click(toggles[0]);
    expect(toggles[0].getAttribute('aria-expanded')).toBe('false');
    expect(screen.getAllByTestId('change-entry')[0].getAttribute('data-expanded')).toBe('false');
    fireEvent.click(screen.getByTestId('fold-all'));
    expect(screen.getAllByTestId('change-entry').map((e) => e.getAttribute('data-expanded'))).toEqual([
      'false',
      'false',
      'false',
    ]);
    expect(screen.getByTestId('fold-all').textContent).toBe('모두 펼치기');
  });
});
