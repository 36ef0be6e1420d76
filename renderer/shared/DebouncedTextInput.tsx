import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

interface DebouncedTextInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The starting text; later changes are not pushed in (remount with a key to reset). */
  initialValue: string;
  onChange: (value: string) => void;
  delay?: number;
}

/** A text input that reports its value once typing pauses, so each keystroke is not a request. */
export function DebouncedTextInput({ initialValue, onChange, delay = 200, ...props }: DebouncedTextInputProps) {
  const [text, setText] = useState(initialValue);
  const report = useDebouncedCallback(onChange, delay);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        report(event.currentTarget.value);
      }}
    />
  );
}
