// The NewsVideo composition: the narration's audio under a title card, subtitle pages with the spoken word lit,
// a progress bar and a closing card, over each section's picture. What is on screen at each frame comes from
// screenAt (screen.ts) and visibleSpans (media-motion.ts); the components here only draw it.
import { useMemo } from 'react';
import { AbsoluteFill, Html5Audio, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Narration } from '../../src/contract/narration.ts';
import { loadBundledFonts } from '../fonts/load-fonts.ts';
import { Background, type BackgroundLayer } from './Background.tsx';
import { brandBackgroundSvg } from './brand-background.ts';
import { Brand, type BrandLook } from './Brand.tsx';
import { closingContent, credit, siteName } from './card-content.ts';
import { ClosingCard } from './ClosingCard.tsx';
import { Credit } from './Credit.tsx';
import { belowBrand, safeArea, safeWidth, subtitleFontSize, titleFontSize } from './geometry.ts';
import { besideNarration } from './load-narration.ts';
import { creditedSpan, creditLine, mediaSpans, spanPicture, visibleSpans } from './media-motion.ts';
import { longestPageLine } from './pages.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { screenLayoutOf, type NewsVideoProps } from './schema.ts';
import { screenAt } from './screen.ts';
import { SubtitlePage, type SubtitleLook } from './SubtitlePage.tsx';
import { TitleCard } from './TitleCard.tsx';
import { useNarration } from './use-narration.ts';

void loadBundledFonts();

export const NewsVideo: React.FC<NewsVideoProps> = (props) => {
  const narration = useNarration(props.narrationSrc);
  return narration ? <NewsVideoFrame narration={narration} props={props} /> : null;
};

const NewsVideoFrame: React.FC<{ narration: Narration; props: NewsVideoProps }> = ({ narration, props }) => {
  const frame = useCurrentFrame();
  const { fps, width, height, durationInFrames } = useVideoConfig();
  const area = safeArea(props.format, width, height);
  const textWidth = safeWidth(props.format, width, height);
  const layout = screenLayoutOf(props);
  const { state, motion } = screenAt(frame, fps, narration, layout);
  // One size for the whole video, so it never jumps from page to page.
  const longestLine = useMemo(() => longestPageLine(narration, layout.maxLineChars), [narration, layout.maxLineChars]);

  const files = useMemo(
    () => ({
      audio: besideNarration(narration.audio.file, props.narrationSrc),
      media: narration.media.map((image) => besideNarration(image.file, props.narrationSrc)),
      brandBackground: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(brandBackgroundSvg(props.accentColor, { width, height }))}`,
      logo: props.logoSrc ? besideNarration(props.logoSrc, props.narrationSrc) : null,
    }),
    [narration, props.narrationSrc, props.logoSrc, props.accentColor, width, height],
  );
  const spans = useMemo(() => mediaSpans(narration, fps, durationInFrames), [narration, fps, durationInFrames]);
  const visible = visibleSpans(spans, frame, layout.motion);
  const layers: BackgroundLayer[] = visible.map(({ span, progress, opacity }) => {
    const { media, kind } = spans[span]!;
    return {
      key: span,
      url: media === null ? files.brandBackground : files.media[media]!,
      ...spanPicture(narration, spans[span]!, { width, height }),
      kind,
      progress,
      opacity,
    };
  });
  const credited = spans[creditedSpan(visible)]!.media;
  const creditShown = props.showCredits && credited !== null ? creditLine(narration.media[credited]?.credit ?? null) : null;
  const brand: BrandLook = { name: props.brandName, logoUrl: files.logo, accentColor: props.accentColor };
  const highlight = { style: props.highlightStyle, color: props.highlightColor };
  const subtitleLook: SubtitleLook = {
    fontFamily: props.fontFamily,
    fontSize: subtitleFontSize(props.fontSize, textWidth, longestLine, props.fontFamily),
    textColor: props.textColor,
    highlight,
    position: props.subtitlePosition,
    boxColor: props.backgroundBox ? props.boxColor : null,
  };

  return (
    // No backdrop under pictures left to the renderer: the picture must stay transparent there.
    <AbsoluteFill style={{ backgroundColor: props.drawMedia ? '#0A0D18' : undefined }}>
      <Html5Audio src={files.audio} />
      <Background layers={layers} drawMedia={props.drawMedia} frame={{ width, height }} />
      {state.card === 'title' && (
        <TitleCard
          content={{ title: state.title, siteName: siteName(narration), credit: credit(narration) }}
          litWord={state.litWord}
          fontFamily={props.titleFontFamily}
          fontSize={titleFontSize(
            state.title.reduce((chars, part) => chars + part.text.length, 0),
            textWidth,
            props.titleFontFamily,
          )}
          highlight={highlight}
          accentColor={props.accentColor}
          area={belowBrand(area)}
        />
      )}
      {state.card === 'subtitles' && (
        <SubtitlePage lines={state.lines} litWord={state.litWord} look={subtitleLook} area={belowBrand(area)} fade={motion.fade} />
      )}
      {state.card !== 'closing' && <Brand brand={brand} top={area.top} left={area.left} />}
      {creditShown && <Credit line={creditShown} top={area.top} right={area.right} />}
      {state.card === 'closing' && <ClosingCard content={closingContent(narration, props)} brand={brand} area={area} fade={motion.fade} />}
      {props.showProgressBar && <ProgressBar progress={motion.progress} color={props.accentColor} />}
    </AbsoluteFill>
  );
};
