/**
 * Sort and filters of the portfolio list, kept outside the screen so that
 * coming back from a project sheet finds the list as it was left.
 */
import { EMPTY_FILTER, type ListFilter, type SortDir, type SortKey } from './rows';

class ListState {
  sortKey = $state<SortKey>('id');
  sortDir = $state<SortDir>('asc');
  filter = $state<ListFilter>({ ...EMPTY_FILTER });
  /** The project whose row should get focus back when the list shows again. */
  lastOpened = $state<string | null>(null);

  sortBy(key: SortKey) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = key === 'value' || key === 'investment' || key === 'staff' ? 'desc' : 'asc';
    }
  }

  reset() {
    this.filter = { ...EMPTY_FILTER };
  }
}

export const listState = new ListState();
