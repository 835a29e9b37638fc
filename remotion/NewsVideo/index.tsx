// The NewsVideo composition: the narration's audio under a title card, subtitle pages with the spoken word lit,
// a progress bar and a closing card. What is on screen at each frame comes from screenAt (screen.ts); the
// components here only draw it.
import { useMemo } from 'react';
import { AbsoluteFill, Html5Audio, useCurrentFrame, useVideoConfig } from 'remotion';
import { sectionImage, type Narration } from '../../src/contract/narration.ts';
import { loadBundledFonts } from '../fonts/load-fonts.ts';
import { Background } from './Background.tsx';
import { Brand, type BrandLook } from './Brand.tsx';
import { closingContent, credit, siteName } from './card-content.ts';
import { ClosingCard } from './ClosingCard.tsx';
import { belowBrand, safeArea, safeWidth, subtitleFontSize, titleFontSize } from './geometry.ts';
import { besideNarration } from './load-narration.ts';
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
  const { fps, width, height } = useVideoConfig();
  const area = safeArea(props.format, width, height);
  const textWidth = safeWidth(props.format, width, height);
  const layout = screenLayoutOf(props);
  const { state, motion } = screenAt(frame, fps, narration, layout);
  // One size for the whole video, so it never jumps from page to page.
  const longestLine = useMemo(() => longestPageLine(narration, layout.maxLineChars), [narration, layout.maxLineChars]);

  const files = useMemo(() => {
    // Every section shows the first section's picture: one picture per video, moving behind the title.
    const leadImage = sectionImage(narration, 0);
    return {
      audio: besideNarration(narration.audio.file, props.narrationSrc),
      leadImage: leadImage ? besideNarration(leadImage.file, props.narrationSrc) : null,
      logo: props.logoSrc ? besideNarration(props.logoSrc, props.narrationSrc) : null,
    };
  }, [narration, props.narrationSrc, props.logoSrc]);
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
    // No backdrop under a lead image left to the renderer: the picture must stay transparent there.
    <AbsoluteFill style={{ backgroundColor: files.leadImage && !props.drawLeadImage ? undefined : '#0A0D18' }}>
      <Html5Audio src={files.audio} />
      <Background leadImageUrl={files.leadImage} drawImage={props.drawLeadImage} accentColor={props.accentColor} zoom={motion.zoom} />
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
      {state.card === 'closing' && <ClosingCard content={closingContent(narration, props)} brand={brand} area={area} fade={motion.fade} />}
      {props.showProgressBar && <ProgressBar progress={motion.progress} color={props.accentColor} />}
    </AbsoluteFill>
  );
};
