/** The emblem of the system: a heart with a cross of help, in the union red. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#ffffff" />
      <path d="M32 50s-17-10-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12-17 22-17 22z" fill="#b8141d" />
      <path d="M24 30h16M32 22v16" stroke="#ffffff" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
