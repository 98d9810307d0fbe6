import { defaultEvidenceDir } from './evidence-dir';

describe('defaultEvidenceDir', () => {
  it('keeps the product layout beside a folder named pglite', () => {
    expect(defaultEvidenceDir('/srv/rectify/.run/pglite')).toBe('/srv/rectify/.run/evidence');
  });

  it('names the folder after any other database folder, so restores into one parent never share it', () => {
    expect(defaultEvidenceDir('/tmp/restore29')).toBe('/tmp/restore29-evidence');
    expect(defaultEvidenceDir('/tmp/other')).toBe('/tmp/other-evidence');
  });
});
