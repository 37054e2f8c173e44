export { DataTable, type DataTableProps, type ColumnDef } from './data-table';
export { SearchBox } from './search-box';
export { Pagination } from './pagination';
export { ExportButtons, exportUrl } from './export-buttons';
export { FilterSelect } from './filter-select';
export { FilterText } from './filter-text';
export { useUrlListState, cleanSearch } from './use-url-list-state';
