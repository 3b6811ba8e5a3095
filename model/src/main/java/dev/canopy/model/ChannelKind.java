package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A live stream is consumed as it is produced; a file can be fetched at any pace. */
public enum ChannelKind {
  @JsonProperty("live")
  LIVE,
  @JsonProperty("file")
  FILE;

  /** The name used in files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
