/** Strings of lesson links: the step bar on an embed and the lesson builder on the instructors' page. */
export const lesson = {
  /** The step bar's landmark label. */
  barLabel: 'Lesson steps',
  previous: '← Previous step',
  next: 'Next step →',
  /** "Step 2 of 3". */
  position: (step: number, total: number): string => `Step ${step} of ${total}`,
  /** The builder's heading and fields. */
  builderLabel: 'Lesson builder',
  widget: 'Widget',
  stepTitle: (step: number): string => `Step ${step}: title`,
  stepState: (step: number): string => `Step ${step}: state (a Share link or key=value&…)`,
  addStep: 'Add a step',
  removeStep: (step: number): string => `Remove step ${step}`,
  link: 'Lesson link',
  code: 'Embed code',
  open: 'Open the lesson',
  /** Shown when a step's pasted state had values the widget does not take. */
  ignored: (step: number, notice: string): string => `Step ${step}: ${notice}`,
  /** The builder's starting lesson on vanishing gradients: the titles of its three steps. */
  exampleTitles: ['Sigmoid, 8 layers', 'Sigmoid, 56 layers', 'ReLU and He initialisation, 56 layers'] as [
    string,
    string,
    string,
  ],
  /** A default title for a new step. */
  defaultTitle: (step: number): string => `Step ${step}`,
};

/** The lesson strings' shape, which every language implements. */
export type LessonStrings = typeof lesson;
