import { useEffect, useState } from 'react';

const current = () => document.documentElement.clientWidth || window.innerWidth;

/** The window's width in CSS pixels, updated as it is resized. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(current);
  useEffect(() => {
    const onResize = () => setWidth(current());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
