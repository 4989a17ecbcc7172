import { useEffect, useState } from 'react';

/**
 * State kept in the browser's local storage: for input the API has no entity for (questionnaire
 * answers, a learning budget), so that a reload keeps what was typed.
 */
export function useStoredState<T>(
  key: string,
  initial: T,
  valid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const text = window.localStorage.getItem(key);
      if (text === null) return initial;
      const parsed: unknown = JSON.parse(text);
      return valid(parsed) ? parsed : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the value still lives for this visit.
    }
  }, [key, value]);
  return [value, setValue];
}
