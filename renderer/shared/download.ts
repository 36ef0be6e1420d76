/** Saves text as a file through the browser's download (the desktop shell shows its save dialog). */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download could lose its source.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
