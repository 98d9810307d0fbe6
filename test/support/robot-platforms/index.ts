export * from './robot-stand-in';
export { type ForcedAnswer, type PlatformAnswer, type ReceivedMessage } from './platform-rules';
