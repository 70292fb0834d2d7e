/**
 * The lab's training history on the page: the three networks' curves (see SideBySideHistory).
 */
import { LAB_NETS, type LabNet } from '../../lib/compute/lab/config.ts';
import { SideBySideHistory, type SmoothedStep as Smoothed } from '../widget/training-history.ts';

export { SMOOTHING, MAX_POINTS, type Metric } from '../widget/training-history.ts';

/** One smoothed value per lab net at one step. */
export type SmoothedStep = Smoothed<LabNet>;

export class TrainingHistory extends SideBySideHistory<LabNet> {
  constructor() {
    super(LAB_NETS);
  }
}
