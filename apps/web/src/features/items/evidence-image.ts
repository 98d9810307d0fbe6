/** The picture types the API accepts as evidence (JPEG, PNG), by the file's name. */
const IMAGE_NAME = /\.(?:jpe?g|png)$/i;

/** Whether an evidence file is a picture to show as a thumbnail; false for texts (no file). */
export function isImageEvidence(fileName: string | null): boolean {
  return fileName !== null && IMAGE_NAME.test(fileName.trim());
}
