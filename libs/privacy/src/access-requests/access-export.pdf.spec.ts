import { ACCESS_EXPORT_FORMAT, AccessExportDocument } from './access-export.document';
import { renderAccessExport } from './access-export.pdf';

const exportWith = (value: string): AccessExportDocument => ({
  format: ACCESS_EXPORT_FORMAT,
  producedAt: '2026-11-20T10:00:00Z',
  request: {
    id: 'r',
    reference: 'AVG-1',
    receivedOn: '2026-11-10',
    channel: 'brief',
    deadline: '2026-12-10',
  },
  personId: 'p',
  parts: [
    {
      name: 'households',
      title: 'Huishouden',
      records: [
        {
          kind: 'Adres',
          source: { type: 'household', id: 'h' },
          fields: [
            { key: 'street', label: 'Straat', value },
            { key: 'since', label: 'Sinds', value: '2024-02-29' },
          ],
        },
      ],
    },
  ],
  accesses: [],
  accessesTruncated: false,
  accessSummary: [],
});

describe('the AVG export as PDF', () => {
  // Found by the fuzz spec: free text shaped like a date made the renderer throw (500 on the export).
  it.each(['9999-99-99', '0000-00-00', '2024-13-01'])('renders free text %s as text', async (value) => {
    const pdf = await renderAccessExport(exportWith(value));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
