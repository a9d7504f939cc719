import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Tabs } from './tabs.tsx';

type View = 'form' | 'json' | 'history';
const ITEMS: { id: View; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'Raw JSON' },
  { id: 'history', label: 'History' },
];

function Harness() {
  const [tab, setTab] = useState<View>('form');
  return (
    <Tabs label="Editor view" idBase="editor" value={tab} onChange={setTab} items={ITEMS}>
      <p>Showing {tab}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('selects by click and by arrow keys, Home and End, moving focus with the selection', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const form = screen.getByRole('tab', { name: 'Form' });
    expect(form).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Showing form');

    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByRole('tabpanel', { name: 'History' })).toHaveTextContent('Showing history');

    await user.keyboard('{ArrowRight}'); // wraps to the first
    expect(form).toHaveFocus();
    expect(form).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'History' })).toHaveFocus();
    await user.keyboard('{Home}{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Raw JSON' })).toHaveAttribute('aria-selected', 'true');
    // Only the selected tab is in the Tab order (roving tabindex).
    expect(form).toHaveAttribute('tabindex', '-1');
  });

  it('gives stable panel ids with idBase, so code can find a field inside a panel', () => {
    render(<Harness />);
    expect(document.getElementById('editor-panel-form')).toHaveTextContent('Showing form');
    expect(screen.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-controls', 'editor-panel-form');
  });
});
