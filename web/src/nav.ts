/** The pages in the order the navigation lists them. */
export const pages = [
  { path: '/', label: 'Ladder' },
  { path: '/assessment', label: 'Assessment' },
  { path: '/evidence', label: 'Evidence' },
  { path: '/paths', label: 'Paths' },
  { path: '/fit', label: 'IC or manager?' },
  { path: '/offers', label: 'Offers' },
  { path: '/earnings', label: 'Earnings' },
  { path: '/learning', label: 'Learning' },
] as const;
