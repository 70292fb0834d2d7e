/** 课程链接的文字：嵌入页上的步骤栏，以及教师页上的课程生成器。 */
import type { LessonStrings } from '../en/lesson.ts';

export const lesson: LessonStrings = {
  barLabel: '课程步骤',
  previous: '← 上一步',
  next: '下一步 →',
  position: (step, total) => `第 ${step} 步，共 ${total} 步`,
  builderLabel: '课程生成器',
  widget: '交互组件',
  stepTitle: (step) => `第 ${step} 步：标题`,
  stepState: (step) => `第 ${step} 步：状态（分享链接或 key=value&…）`,
  addStep: '添加一步',
  removeStep: (step) => `删除第 ${step} 步`,
  link: '课程链接',
  code: '嵌入代码',
  open: '打开课程',
  exampleTitles: ['Sigmoid，8 层', 'Sigmoid，56 层', 'ReLU 与 He 初始化，56 层'],
  ignored: (step, notice) => `第 ${step} 步：${notice}`,
  defaultTitle: (step) => `第 ${step} 步`,
};
