import type { FormInstance, FormItemRule } from '@nutui/nutui-react-taro';
import { useCallback, useRef } from 'react';
import type { FieldCheck } from './field-checks';

/**
 * A NutUI Form rule from a check: NutUI (through async-validator) shows the message of a rejected
 * promise under the field.
 */
export function ruleOf(check: FieldCheck): FormItemRule {
  return {
    validator: (_rule, value: unknown) => {
      const problem = check(typeof value === 'string' ? value : '');
      return problem === undefined ? true : Promise.reject(new Error(problem));
    },
  };
}

export type ServerFieldErrors<F extends string> = {
  /** The rule that shows the gateway's answer about the field, while the field still holds what was sent. */
  rule: (field: F) => FormItemRule;
  /** Shows the gateway's message under the field; it goes when the person changes the value. */
  show: (field: F, message: string) => void;
};

/** The gateway's answers about single fields (验证码不正确, 身份证号已被认证), shown where NutUI shows its own. */
export function useServerFieldErrors<F extends string>(form: FormInstance): ServerFieldErrors<F> {
  const errors = useRef<Partial<Record<F, { value: unknown; message: string }>>>({});
  const rule = useCallback(
    (field: F): FormItemRule => ({
      validator: (_rule, value: unknown) => {
        const error = errors.current[field];
        return error && error.value === value ? Promise.reject(new Error(error.message)) : true;
      },
    }),
    [],
  );
  const show = useCallback(
    (field: F, message: string) => {
      errors.current[field] = { value: form.getFieldValue(field), message };
      void form.validateFields([field]);
    },
    [form],
  );
  return { rule, show };
}
