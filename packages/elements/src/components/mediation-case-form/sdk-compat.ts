/** Compile-time check that the SDK client fits what the case form needs (no runtime code). */
import type { QiangJiClient } from '@qiangji/sdk';
import type { CaseFormClient } from './client.js';

export type SdkFitsCaseForm = QiangJiClient extends CaseFormClient ? true : never;
const fits: SdkFitsCaseForm = true;
void fits;
