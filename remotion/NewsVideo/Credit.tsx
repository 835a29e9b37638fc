// Who took the picture on screen ("Foto: …"), small in the top corner opposite the brand, on a dark pill so it
// reads over any picture.
export const Credit: React.FC<{ line: string; top: number; right: number }> = ({ line, top, right }) => (
  <div
    style={{
      position: 'absolute',
      top,
      right,
      maxWidth: 520,
      padding: '6px 14px',
      borderRadius: 8,
      backgroundColor: 'rgba(0, 0, 0, 0.55)',
      color: '#FFFFFF',
      fontFamily: 'Inter',
      fontWeight: 600,
      fontSize: 28,
      lineHeight: 1.25,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    }}
  >
    {line}
  </div>
);
