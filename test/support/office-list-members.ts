/**
 * The five members of the office-made list fixtures (test/fixtures/sheets and
 * test/fixtures/csv/members: title-stt.csv, members.csv/.xlsx/.ods), as the
 * database stores them; shared so that the CSV and workbook tests expect one
 * list.
 */
export const OFFICE_LIST_MEMBERS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'CB03-001', name: 'Nguyễn Văn An' },
  { code: 'CB03-002', name: 'Trần Thị Bích Ngọc' },
  { code: 'CB03-003', name: 'Lê Đức Thắng' },
  { code: 'CB03-004', name: 'Phạm Thị Hương' },
  { code: 'CB03-005', name: 'Hoàng Minh Đức' },
];
