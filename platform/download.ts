/** Saves a file through an <a download>, which needs no downloads permission. */
export function downloadBlob(filename: string, data: string | Uint8Array | Uint8Array[], mime: string): void {
  // Chunks go into the Blob as they are: a backup of hundreds of MB is never one string or one copy.
  const parts = (Array.isArray(data) ? data : [data]) as BlobPart[];
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
