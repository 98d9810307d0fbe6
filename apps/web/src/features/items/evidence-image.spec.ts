import { describe, expect, it } from '@jest/globals';
import { isImageEvidence } from './evidence-image';

describe('isImageEvidence', () => {
  it('takes JPEG and PNG files, whatever the case of their extension', () => {
    expect(['现场照片.jpg', 'IMG_0001.JPEG', '会议.Png'].map(isImageEvidence)).toEqual([true, true, true]);
  });

  it('leaves documents, names that only contain an image extension, and text evidence as they are', () => {
    expect(['记录.pdf', 'photo.jpg.docx', '台账.xlsx'].map(isImageEvidence)).toEqual([false, false, false]);
    expect(isImageEvidence(null)).toBe(false);
  });
});
