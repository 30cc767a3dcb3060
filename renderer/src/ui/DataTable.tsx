import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** The column that names the row: a row header, so screen readers announce it with every cell. */
  rowHeader?: boolean;
  className?: string;
}

export interface RowSelection {
  selectedKey: string | null;
  onSelect(key: string): void;
}

interface DataTableProps<Row> {
  /** The table's accessible name, read first by screen readers; hidden from sight (the heading above says it). */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  className?: string;
  rowClassName?(row: Row): string | undefined;
  /**
   * The chosen row (marked aria-current, picked by click) that a screen's shortcuts act on. Arrow keys
   * are the screen's to handle (moveSelection), because they work from its search box too.
   */
  selection?: RowSelection;
  /** Wide tables scroll sideways inside their own box instead of widening the page. */
  scroll?: boolean;
}

/**
 * The one table for lists of records. A real <table> with column headers, one row header and a
 * caption, not an ARIA grid: people and tests find rows, cells and row headers by their native
 * roles, and every action inside a row is an ordinary button in the tab order.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  className,
  rowClassName,
  selection,
  scroll,
}: DataTableProps<Row>) {
  const table = (
    <table className={['data-table', className].filter(Boolean).join(' ')}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          const selected = selection?.selectedKey === key;
          const classes = [rowClassName?.(row), selected ? 'data-table__row--selected' : undefined].filter(Boolean);
          return (
            <tr
              key={key}
              aria-current={selected ? 'true' : undefined}
              className={classes.length ? classes.join(' ') : undefined}
              onClick={selection ? () => selection.onSelect(key) : undefined}
            >
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return scroll ? <div className="data-table-scroll">{table}</div> : table;
}
