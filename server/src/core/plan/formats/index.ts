import type { PlanFormatLoader } from './format';
import { nativeFormat } from './native';

/** Every plan format, in the order their detectors are asked. More specific shapes come first. */
export const PLAN_FORMATS: PlanFormatLoader[] = [nativeFormat];
