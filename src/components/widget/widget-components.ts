/**
 * The Astro component behind each registered widget id (src/lib/state/widgets.ts), for the
 * embed route. Kept apart from the registry so the registry stays importable in Node tests.
 */
import ArchitectureDiagram from '../diagram/ArchitectureDiagram.astro';
import RfExplorer from '../rf-explorer/RfExplorer.astro';
import GradientFlow from '../gradient-flow/GradientFlow.astro';
import SkipLab from '../skip-lab/SkipLab.astro';
import LenetLive from '../lenet-live/LenetLive.astro';
import ReluTanh from '../relu-tanh/ReluTanh.astro';
import BatchNorm from '../batch-norm/BatchNorm.astro';
import InceptionCost from '../inception-cost/InceptionCost.astro';
import YourNetwork from '../your-network/YourNetwork.astro';

export const widgetComponents = {
  architecture: ArchitectureDiagram,
  'receptive-field': RfExplorer,
  'gradient-flow': GradientFlow,
  'skip-lab': SkipLab,
  'lenet-live': LenetLive,
  'relu-tanh': ReluTanh,
  'batch-norm': BatchNorm,
  'inception-cost': InceptionCost,
  'your-network': YourNetwork,
} as const;
