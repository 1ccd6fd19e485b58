/** Shared look of text inputs and selects: touch-sized on phones, visible focus, error state via aria-invalid. */
export const inputClasses =
  "block min-h-11 w-full rounded-md border border-line bg-surface px-3 text-sm text-fg placeholder:text-muted sm:min-h-10 " +
  "aria-invalid:border-danger focus-visible:border-accent";

export const labelClasses = "mb-1 block text-sm font-medium text-fg";
