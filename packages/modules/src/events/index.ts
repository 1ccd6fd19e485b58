export { LIVE_EVENTS_CHANNEL, liveEventSchema, type LiveEvent } from "./types";
export { eventVisibleTo } from "./visibility";
export { publishLiveEvent, liveEventsFor } from "./publish";
export { onLiveEvent, closeLiveEvents, liveListenerCount } from "./hub";
export { liveEventStream, HEARTBEAT_MS } from "./sse";
