// plugin-throttling runs on Bottleneck's light build (no Redis); it has the full build's types.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
